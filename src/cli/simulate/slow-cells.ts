/** The cells `--slow` can slow down: each answers some request late, so one of its agreements' SLOs breaks. */
export const SLOW_CELLS = ['risk', 'finance', 'manufacturing', 'cs-emea', 'cs-americas', 'platform'] as const;
export type SlowCell = (typeof SLOW_CELLS)[number];

/** A slow cell is late on most of its answers, not all: a degraded service, not a dead one. */
export const LATE_SHARE = 0.7;

/** The SLOs a slow cell breaks, for the summary. Both support agreements measure every case, whatever its region. */
export const SLOW_CELL_SLOS: Record<SlowCell, string> = {
  risk: 'risk-signals-for-finance/score-within-5m',
  finance: 'credit-decisions-for-cs-emea/decided-within-4h',
  manufacturing: 'demand-signals-for-manufacturing/plan-adjusted-within-24h',
  'cs-emea': 'cases-resolved-within-2d of both support-intake agreements',
  'cs-americas': 'cases-resolved-within-2d of both support-intake agreements',
  platform: 'incidents-resolved-within-4h of both backbone agreements',
};
