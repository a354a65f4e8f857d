import type { LateEscalations } from '../../model/index.js';
import { compareText } from '../mining/compare-text.js';
import type { TensionFacts } from '../facts/governance-history.js';
import { medianOf, quantileOf } from '../stats/quantiles.js';

export type { LateEscalation, LateEscalations } from '../../model/index.js';

/**
 * Late escalations: the time from the first signal of a problem (a tension's `observedAt`, e.g. the deadline of
 * the first late request behind an SLO breach) to the tension being raised. Late ones are ranked slowest first.
 */
export function findLateEscalations(
  tensions: readonly TensionFacts[],
  options: { lateAfterMs: number; fromMs?: number },
): LateEscalations {
  const considered = tensions.filter((t) => options.fromMs === undefined || t.raisedAtMs >= options.fromMs);
  const surface = considered.map((t) => t.raisedAtMs - t.observedAtMs);
  const late = considered
    .filter((t) => t.raisedAtMs - t.observedAtMs > options.lateAfterMs)
    .map((t) => ({
      tension: t.id,
      title: t.title,
      type: t.type,
      cells: t.cells,
      observedAt: new Date(t.observedAtMs).toISOString(),
      raisedAt: new Date(t.raisedAtMs).toISOString(),
      surfacedAfterMs: t.raisedAtMs - t.observedAtMs,
    }))
    .sort((a, b) => b.surfacedAfterMs - a.surfacedAfterMs || compareText(a.tension, b.tension));
  return {
    lateAfterMs: options.lateAfterMs,
    raised: considered.length,
    medianSurfaceMs: medianOf(surface),
    p90SurfaceMs: quantileOf(surface, 0.9),
    late,
  };
}
