import { compareText } from './compare-text.js';
import type { LogView } from './log-view.js';
import type { ActivityCount, ActivityFrequency } from './mining-result.js';

/** Events and cases per activity, and how often each activity starts and ends a case. */
export interface ActivityTallies {
  activities: ActivityFrequency[];
  startActivities: ActivityCount[];
  endActivities: ActivityCount[];
}

/** Counts per activity, ranked by count (descending), ties by name. */
export function tallyActivities(view: LogView): ActivityTallies {
  const k = view.activityNames.length;
  const events = new Int32Array(k);
  const cases = new Int32Array(k);
  const starts = new Int32Array(k);
  const ends = new Int32Array(k);
  const lastCase = new Int32Array(k).fill(-1);
  const caseCount = view.caseCount;
  for (let c = 0; c < caseCount; c++) {
    const from = view.caseOffsets[c]!;
    const to = view.caseOffsets[c + 1]!;
    starts[view.activity[from]!]!++;
    ends[view.activity[to - 1]!]!++;
    for (let e = from; e < to; e++) {
      const a = view.activity[e]!;
      events[a]!++;
      if (lastCase[a] !== c) {
        lastCase[a] = c;
        cases[a]!++;
      }
    }
  }
  const activities: ActivityFrequency[] = [];
  // A view over the log's own columns may name activities that only cases cut from the log had.
  for (let a = 0; a < k; a++)
    if (events[a]! > 0) activities.push({ activity: view.activityNames[a]!, events: events[a]!, cases: cases[a]! });
  activities.sort((x, y) => y.events - x.events || compareText(x.activity, y.activity));
  return { activities, startActivities: ranked(view, starts), endActivities: ranked(view, ends) };
}

function ranked(view: LogView, counts: Int32Array): ActivityCount[] {
  const result: ActivityCount[] = [];
  for (let a = 0; a < counts.length; a++)
    if (counts[a]! > 0) result.push({ activity: view.activityNames[a]!, count: counts[a]! });
  return result.sort((x, y) => y.count - x.count || compareText(x.activity, y.activity));
}
