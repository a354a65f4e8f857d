/** Orders strings by UTF-16 code units: the same on every machine and locale (ties in rankings use it). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
