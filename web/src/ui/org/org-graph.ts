import type { CellSpec } from '../../../../src/model/index.js';
import { refName, type OrgSnapshot } from './load-org.js';

/** SLO health of an agreement, as insights computes it from live events. */
export type HealthStatus = 'met' | 'at-risk' | 'breached' | 'no-data';

export interface AgreementHealth {
  agreement: string;
  status: HealthStatus;
  /** Lowest compliance among the agreement's SLOs, 0..1, when measured. */
  compliance?: number;
  objective?: number;
}

export interface CellSummary {
  name: string;
  title: string;
  type: CellSpec['type'];
  purpose: string;
  domains: string[];
  eventTypes: string[];
}

export interface DomainGroup {
  /** The domain's name, or `` for cells that own no domain. */
  id: string;
  title: string;
  cells: CellSummary[];
}

export interface AgreementEdge {
  id: string;
  title: string;
  provider: string;
  consumer: string;
  offer: string;
  mode: string;
  health: HealthStatus | undefined;
  compliance: number | undefined;
}

export interface EventTypeOwner {
  type: string;
  owner: string;
  description: string | undefined;
}

export interface OrgGraph {
  groups: DomainGroup[];
  edges: AgreementEdge[];
  eventTypes: EventTypeOwner[];
}

/** The top of a domain's parent chain (cycles stop where they close). */
function rootOf(domain: string, parents: Map<string, string | undefined>): string {
  const seen = new Set<string>();
  let current = domain;
  while (!seen.has(current)) {
    seen.add(current);
    const parent = parents.get(current);
    if (!parent) return current;
    current = parent;
  }
  return current;
}

/**
 * Arranges the organization for the map: cells grouped by the top-level domain of the first domain
 * they own, agreements as provider → consumer edges, and who owns each event type.
 */
export function buildOrgGraph(
  org: Pick<OrgSnapshot, 'domains' | 'cells' | 'agreements'>,
  health: ReadonlyMap<string, AgreementHealth> = new Map(),
): OrgGraph {
  const parents = new Map(
    org.domains.map((d) => [d.metadata.name, d.spec.parent ? refName(d.spec.parent) : undefined]),
  );
  const titles = new Map(org.domains.map((d) => [d.metadata.name, d.metadata.title ?? d.metadata.name]));
  const groups = new Map<string, DomainGroup>();
  const eventTypes: EventTypeOwner[] = [];
  const owners = new Set<string>();

  for (const cell of org.cells) {
    const domains = (cell.spec.domains ?? []).map(refName);
    const first = domains[0];
    const groupId = first ? rootOf(first, parents) : '';
    const group = groups.get(groupId) ?? {
      id: groupId,
      title: groupId ? (titles.get(groupId) ?? groupId) : 'Without a domain',
      cells: [],
    };
    const types: string[] = [];
    for (const offer of cell.spec.offers ?? []) {
      for (const event of offer.events ?? []) {
        types.push(event.type);
        if (!owners.has(event.type)) {
          owners.add(event.type);
          eventTypes.push({ type: event.type, owner: cell.metadata.name, description: event.description });
        }
      }
    }
    group.cells.push({
      name: cell.metadata.name,
      title: cell.metadata.title ?? cell.metadata.name,
      type: cell.spec.type,
      purpose: cell.spec.purpose,
      domains,
      eventTypes: types,
    });
    groups.set(groupId, group);
  }

  const names = new Set(org.cells.map((c) => c.metadata.name));
  const edges: AgreementEdge[] = org.agreements
    .filter((a) => names.has(refName(a.spec.provider)) && names.has(refName(a.spec.consumer)))
    .map((a) => {
      const h = health.get(a.metadata.name);
      return {
        id: a.metadata.name,
        title: a.metadata.title ?? a.metadata.name,
        provider: refName(a.spec.provider),
        consumer: refName(a.spec.consumer),
        offer: a.spec.offer,
        mode: a.spec.mode,
        health: h?.status,
        compliance: h?.compliance,
      };
    });

  const sorted = [...groups.values()].sort((a, b) =>
    a.id === '' ? 1 : b.id === '' ? -1 : a.title.localeCompare(b.title),
  );
  for (const group of sorted) group.cells.sort((a, b) => a.title.localeCompare(b.title));
  eventTypes.sort((a, b) => a.type.localeCompare(b.type));
  return { groups: sorted, edges, eventTypes };
}
