import { caseDurations } from '../mining/case-durations.js';
import type { ColumnarEventLog } from '../mining/columnar-event-log.js';
import { directlyFollows } from '../mining/directly-follows.js';
import { createLogView } from '../mining/log-view.js';
import { compileMiningOptions, type MiningOptions } from '../mining/mining-options.js';
import type { CaseDurations, DirectlyFollowsEdge, Variant } from '../mining/mining-result.js';
import { findVariants } from '../mining/variants.js';

/** The three figures most views need first. */
export interface CoreMiningResult {
  directlyFollows: DirectlyFollowsEdge[];
  variants: Variant[];
  caseDurations: CaseDurations;
}

/** The directly-follows graph, variants and case durations only: what the benchmark and the detectors time. */
export function mineCore(log: ColumnarEventLog, options: MiningOptions = {}): CoreMiningResult {
  const view = createLogView(log, compileMiningOptions(options));
  return { directlyFollows: directlyFollows(view), variants: findVariants(view), caseDurations: caseDurations(view) };
}
