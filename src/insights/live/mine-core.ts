import { caseDurations } from '../mining/case-durations.js';
import type { ColumnarEventLog } from '../mining/columnar-event-log.js';
import { directlyFollows } from '../mining/directly-follows.js';
import { createLogView } from '../mining/log-view.js';
import type { CaseDurations, DirectlyFollowsEdge, Variant } from '../mining/mining-result.js';
import { findVariants } from '../mining/variants.js';

/** The three figures most views need first. */
export interface CoreMiningResult {
  directlyFollows: DirectlyFollowsEdge[];
  variants: Variant[];
  caseDurations: CaseDurations;
}

/** The directly-follows graph, variants and case durations of every event: what the benchmark and the detectors time. */
export function mineCore(log: ColumnarEventLog): CoreMiningResult {
  // Every event, activity = name: the view is the log's own columns, no copy.
  const view = createLogView(log, { lifecycle: 'all', classifier: 'name' });
  return { directlyFollows: directlyFollows(view), variants: findVariants(view), caseDurations: caseDurations(view) };
}
