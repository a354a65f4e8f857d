import { caseDurations } from '../mining/case-durations.js';
import type { ColumnarEventLog } from '../mining/columnar-event-log.js';
import { directlyFollows } from '../mining/directly-follows.js';
import { createLogView, type LogView } from '../mining/log-view.js';
import type { CaseDurations, DirectlyFollowsEdge, Variant } from '../mining/mining-result.js';
import { findVariants } from '../mining/variants.js';

/** The three figures most views need first. */
export interface CoreMiningResult {
  directlyFollows: DirectlyFollowsEdge[];
  variants: Variant[];
  caseDurations: CaseDurations;
}

/**
 * All events, activity = name: the log's own columns serve as the view, without the copy `createLogView` makes
 * to filter and re-classify. A log whose cases all have events (as `EventLogBuilder` builds them) qualifies.
 */
function wholeView(log: ColumnarEventLog): LogView {
  const cases = log.caseIds.length;
  for (let c = 0; c < cases; c++) if (log.caseOffsets[c] === log.caseOffsets[c + 1]) return createLogView(log, { lifecycle: 'all', classifier: 'name' });
  const events = new Uint32Array(log.eventCount);
  for (let i = 0; i < events.length; i++) events[i] = i;
  const caseIndex = new Int32Array(cases);
  for (let c = 0; c < cases; c++) caseIndex[c] = c;
  return { log, events, activity: log.activity, activityNames: log.activityNames, caseOffsets: log.caseOffsets, caseIndex };
}

/** The directly-follows graph, variants and case durations of every event: what the benchmark and the detectors time. */
export function mineCore(log: ColumnarEventLog): CoreMiningResult {
  const view = wholeView(log);
  return { directlyFollows: directlyFollows(view), variants: findVariants(view), caseDurations: caseDurations(view) };
}
