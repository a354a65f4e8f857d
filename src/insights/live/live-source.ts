import type { OrgView, Runtime } from '../../engine/index.js';
import { compileCaseNotion } from './case-notion.js';
import type { LiveLogQuery } from './live-log-query.js';
import { buildProcessMap, type ProcessMap } from './process-map.js';
import { readLiveLog, type LiveLogSource } from './read-live-log.js';

/**
 * The live log as the organization applied right now defines it. The case notion is compiled per read (a few CEL
 * expressions): it counts the events it could not place, and those counts belong to one read.
 */
export function liveSource(runtime: Pick<Runtime, 'org' | 'store'>): LiveLogSource & { org: OrgView } {
  const org = runtime.org();
  return {
    org,
    events: runtime.store.events,
    notion: compileCaseNotion(org.byKind('Organization')[0]),
    ownerOfType: (type) => org.ownerOfType(type),
  };
}

/** The process map of the live log as `query` selects it, saying which query and case notion made it. */
export async function liveProcessMap(source: LiveLogSource, query: LiveLogQuery): Promise<ProcessMap> {
  const live = await readLiveLog(source, query);
  const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());
  return buildProcessMap(live, {
    caseNotion: source.notion.describe(),
    ownerOfType: source.ownerOfType,
    query: {
      types: query.types ?? null,
      from: iso(query.fromMs),
      to: iso(query.toMs),
      workflow: query.workflow ?? null,
      template: query.template ?? null,
      resource: query.resource ?? 'publisher',
    },
  });
}

/** The tension type SLO breaches raise by default: `interface` when the organization has it, else its first type. */
export function defaultSloTensionType(org: OrgView): string {
  const types = org.byKind('Organization')[0]?.spec.tensionTypes.map((t) => t.name) ?? [];
  return types.includes('interface') ? 'interface' : (types[0] ?? 'interface');
}
