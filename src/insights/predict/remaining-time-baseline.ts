import type { ColumnarEventLog } from '../mining/index.js';

interface Mean {
  sum: number;
  count: number;
}

/**
 * The remaining-time baselines: the mean remaining time (last timestamp − timestamp of event k) of the training
 * prefixes that end in the same activity, or in the same activity at the same prefix length. An unseen
 * (activity, length) falls back to the activity's mean, an unseen activity to the mean of all prefixes.
 * It works on the activity indexes of the log it was fitted on.
 */
export class RemainingTimeBaseline {
  private constructor(
    private readonly byActivity: Map<number, Mean>,
    private readonly byActivityAndLength: Map<string, Mean>,
    private readonly overall: Mean,
  ) {}

  /** Averages the remaining time of every prefix (k = 1 … n − 1) of the training cases. */
  static fit(log: ColumnarEventLog, cases: Int32Array): RemainingTimeBaseline {
    const byActivity = new Map<number, Mean>();
    const byActivityAndLength = new Map<string, Mean>();
    const overall = { sum: 0, count: 0 };
    const add = <K>(means: Map<K, Mean>, key: K, value: number) => {
      const mean = means.get(key);
      if (mean) {
        mean.sum += value;
        mean.count++;
      } else {
        means.set(key, { sum: value, count: 1 });
      }
    };
    for (const c of cases) {
      const first = log.caseOffsets[c]!;
      const end = log.caseOffsets[c + 1]!;
      for (let k = 1; k < end - first; k++) {
        const i = first + k - 1;
        const remaining = log.timestamp[end - 1]! - log.timestamp[i]!;
        add(byActivity, log.activity[i]!, remaining);
        add(byActivityAndLength, `${log.activity[i]!},${k}`, remaining);
        overall.sum += remaining;
        overall.count++;
      }
    }
    return new RemainingTimeBaseline(byActivity, byActivityAndLength, overall);
  }

  /** Mean remaining time (ms) after the last activity of the first `k` events of case `caseIndex`. */
  afterActivity(log: ColumnarEventLog, caseIndex: number, k: number): number {
    const mean = this.byActivity.get(log.activity[log.caseOffsets[caseIndex]! + k - 1]!) ?? this.overall;
    return mean.count > 0 ? mean.sum / mean.count : 0;
  }

  /** Mean remaining time (ms) after (last activity, prefix length). */
  afterActivityAndLength(log: ColumnarEventLog, caseIndex: number, k: number): number {
    const activity = log.activity[log.caseOffsets[caseIndex]! + k - 1]!;
    const mean = this.byActivityAndLength.get(`${activity},${k}`);
    return mean ? mean.sum / mean.count : this.afterActivity(log, caseIndex, k);
  }
}
