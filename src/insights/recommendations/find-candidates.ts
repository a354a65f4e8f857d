import type { Runtime } from '../../engine/index.js';
import type { RecommendationCandidate } from '../../model/index.js';
import type { CompiledInsightsOptions } from '../insights-options.js';
import type { LiveLogQuery } from '../live/live-log-query.js';
import type { ProcessMap } from '../live/process-map.js';
import { bottleneckHints } from './bottleneck-hints.js';
import { collaborationHints } from './collaboration-hints.js';
import { variantHints } from './variant-hints.js';
import { readWorkflowRuns } from './workflow-runs.js';

/** The findings recommendations are made from, over the recommendation window. */
export async function findCandidates(
  deps: { runtime: Runtime; options: CompiledInsightsOptions; processMap(query: LiveLogQuery): Promise<ProcessMap> },
  now: Date,
): Promise<RecommendationCandidate[]> {
  const { runtime, options: opts } = deps;
  const fromMs = now.getTime() - opts.recommendationWindowMs;
  const org = runtime.org();
  const agreements = org.byKind('Agreement');
  const map = await deps.processMap({ fromMs, toMs: now.getTime() + 1 });
  const workflowCells = new Map(
    org.byKind('Workflow').map((w) => [w.metadata.name, w.spec.cell.replace(/^cell:/, '')]),
  );
  const runs = await readWorkflowRuns(runtime.store.events, fromMs, (workflow) => workflowCells.get(workflow));
  const usage = new Map<string, { events: number; types: string[] }>();
  for (const a of agreements) {
    if (a.spec.mode !== 'collaboration') continue;
    const provider = org.byKind('Cell').find((c) => `cell:${c.metadata.name}` === a.spec.provider);
    const types = (provider?.spec.offers ?? []).find((o) => o.name === a.spec.offer)?.events?.map((e) => e.type) ?? [];
    let events = 0;
    if (types.length > 0)
      for await (const batch of runtime.store.events.scanColumns({ types, fromMs })) events += batch.length;
    usage.set(a.metadata.name, { events, types });
  }
  return [
    ...bottleneckHints(map, agreements, { window: opts.recommendationWindow, ...opts.bottlenecks }),
    ...collaborationHints(
      agreements,
      now,
      (a) => usage.get(a.metadata.name) ?? { events: 0, types: [] },
      opts.recommendationWindow,
    ),
    ...variantHints(runs, { window: opts.recommendationWindow, ...opts.variants }),
  ];
}
