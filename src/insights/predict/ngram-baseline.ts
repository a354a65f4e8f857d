import type { ColumnarEventLog } from '../mining/index.js';

/** The longest context the n-gram baseline looks at. */
export const MAX_NGRAM = 5;

/**
 * The n-gram baseline for the next activity: the most frequent follower of the last n activities in the
 * training cases, backing off to the last n − 1, … 1, and at last to the most frequent activity that follows
 * anything, when a context was never seen. A tie goes to the follower seen first. It works on the activity
 * indexes of the log it was fitted on, so it predicts for cases of that log.
 */
export class NgramBaseline {
  /** Per context length m (0 … MAX_NGRAM): context key → most frequent follower. */
  private readonly best: Map<string, number>[];

  private constructor(best: Map<string, number>[]) {
    this.best = best;
  }

  /** Counts the followers of every context of up to MAX_NGRAM activities in the training cases. */
  static fit(log: ColumnarEventLog, cases: Int32Array): NgramBaseline {
    const followers = Array.from({ length: MAX_NGRAM + 1 }, () => new Map<string, Map<number, number>>());
    for (const c of cases) {
      const first = log.caseOffsets[c]!;
      const end = log.caseOffsets[c + 1]!;
      for (let i = first + 1; i < end; i++) {
        const next = log.activity[i]!;
        for (let m = 0; m <= Math.min(MAX_NGRAM, i - first); m++) {
          const key = contextKey(log, i, m);
          let counts = followers[m]!.get(key);
          if (!counts) followers[m]!.set(key, (counts = new Map()));
          counts.set(next, (counts.get(next) ?? 0) + 1);
        }
      }
    }
    return new NgramBaseline(
      followers.map((contexts) => {
        const best = new Map<string, number>();
        for (const [key, counts] of contexts) {
          let top = -1;
          let topCount = 0;
          for (const [activity, count] of counts) {
            if (count > topCount) {
              top = activity;
              topCount = count;
            }
          }
          best.set(key, top);
        }
        return best;
      }),
    );
  }

  /** The activity index predicted to follow the first `k` events of case `caseIndex`, looking at up to `n`; −1 if none. */
  predict(log: ColumnarEventLog, caseIndex: number, k: number, n: number): number {
    const next = log.caseOffsets[caseIndex]! + k;
    for (let m = Math.min(n, k); m >= 0; m--) {
      const found = this.best[m]!.get(contextKey(log, next, m));
      if (found !== undefined) return found;
    }
    return -1;
  }
}

/** The key of the `m` activities before event `i`. */
function contextKey(log: ColumnarEventLog, i: number, m: number): string {
  let key = '';
  for (let j = i - m; j < i; j++) key += `${log.activity[j]},`;
  return key;
}
