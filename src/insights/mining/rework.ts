import { compareText } from './compare-text.js';
import type { LogView } from './log-view.js';
import type { Rework } from './mining-result.js';
import { roundShare } from './round-share.js';

/**
 * Rework: cases in which an activity occurs more than once, per activity and overall
 * (a case counts once however many activities repeat in it). Ranked by cases, ties by name.
 */
export function findRework(view: LogView): Rework {
  const k = view.activityNames.length;
  const caseCount = view.caseCount;
  const seenIn = new Int32Array(k).fill(-1);
  const reworkedIn = new Int32Array(k).fill(-1);
  const reworkCases = new Int32Array(k);
  let casesWithRework = 0;
  for (let c = 0; c < caseCount; c++) {
    let repeated = false;
    for (let e = view.caseOffsets[c]!; e < view.caseOffsets[c + 1]!; e++) {
      const a = view.activity[e]!;
      if (seenIn[a] !== c) {
        seenIn[a] = c;
      } else if (reworkedIn[a] !== c) {
        reworkedIn[a] = c;
        reworkCases[a]!++;
        repeated = true;
      }
    }
    if (repeated) casesWithRework++;
  }
  const activities = [];
  for (let a = 0; a < k; a++) {
    if (reworkCases[a]! > 0) {
      activities.push({
        activity: view.activityNames[a]!,
        cases: reworkCases[a]!,
        share: roundShare(reworkCases[a]! / caseCount),
      });
    }
  }
  activities.sort((x, y) => y.cases - x.cases || compareText(x.activity, y.activity));
  return { cases: casesWithRework, share: caseCount === 0 ? 0 : roundShare(casesWithRework / caseCount), activities };
}
