import type { AcceptanceStats, AcceptanceTally, Recommendation } from '../../model/index.js';
import { compareText } from '../mining/compare-text.js';
import { roundShare } from '../stats/quantiles.js';

export type { AcceptanceStats, AcceptanceTally } from '../../model/index.js';

function tally(list: readonly Recommendation[]): AcceptanceTally {
  const count = (state: Recommendation['state']) => list.filter((r) => r.state === state).length;
  const accepted = count('accepted');
  const dismissed = count('dismissed');
  return {
    made: list.length,
    open: count('open'),
    accepted,
    dismissed,
    withdrawn: count('withdrawn'),
    acceptanceRate: accepted + dismissed === 0 ? null : roundShare(accepted / (accepted + dismissed)),
  };
}

/** Acceptance overall, per kind and per cell: whether suggestions are useful to the cells they go to. */
export function acceptanceStats(recommendations: readonly Recommendation[]): AcceptanceStats {
  const group = (key: (r: Recommendation) => string) => {
    const groups = new Map<string, Recommendation[]>();
    for (const r of recommendations) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
    return [...groups].sort((a, b) => compareText(a[0], b[0]));
  };
  return {
    ...tally(recommendations),
    byKind: group((r) => r.kind).map(([kind, list]) => ({ kind, ...tally(list) })),
    byCell: group((r) => r.cell).map(([cell, list]) => ({ cell, ...tally(list) })),
  };
}
