import { tallyActivities } from './activity-frequencies.js';
import { rankBottlenecks } from './bottlenecks.js';
import { caseDurations } from './case-durations.js';
import type { ColumnarEventLog } from './columnar-event-log.js';
import { directlyFollows } from './directly-follows.js';
import { countResources, findHandovers } from './handovers.js';
import { createLogView } from './log-view.js';
import { compileMiningOptions, type MiningOptions } from './mining-options.js';
import type { MiningResult } from './mining-result.js';
import { findRework } from './rework.js';
import { findVariants } from './variants.js';

function instant(ms: number | undefined): string | null {
  return ms === undefined ? null : new Date(ms).toISOString();
}

/** Mines a columnar log: activities, start/end, variants, directly-follows graph, durations, rework, handovers, bottlenecks. */
export function mineLog(log: ColumnarEventLog, options: MiningOptions = {}): MiningResult {
  const compiled = compileMiningOptions(options);
  const view = createLogView(log, compiled);
  const tallies = tallyActivities(view);
  const variants = findVariants(view);
  const edges = directlyFollows(view);
  let first: number | undefined;
  let last: number | undefined;
  for (let e = 0; e < view.eventCount; e++) {
    const t = view.timestamp[e]!;
    if (first === undefined || t < first) first = t;
    if (last === undefined || t > last) last = t;
  }
  return {
    schema: 'cello.mining/1',
    log: {
      format: log.source.format,
      file: log.source.file,
      activityKey: log.source.activityKey,
      warnings: log.source.warnings,
    },
    options: compiled,
    summary: {
      cases: view.caseCount,
      events: view.eventCount,
      activities: tallies.activities.length,
      variants: variants.length,
      resources: countResources(view),
      firstEventAt: instant(first),
      lastEventAt: instant(last),
    },
    ...tallies,
    variants,
    directlyFollows: edges,
    caseDurations: caseDurations(view),
    rework: findRework(view),
    handovers: findHandovers(view),
    bottlenecks: rankBottlenecks(edges),
  };
}
