/** Shares of cases are reported to four decimals (0.1234 = 12.34 %). */
export function roundShare(share: number): number {
  return Math.round(share * 10_000) / 10_000;
}
