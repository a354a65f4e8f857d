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
  /** The top-level domain's name, or `` for cells that own no domain. */
  id: string;
  title: string;
  purpose: string;
  /** The cells whose first domain lies in this one. */
  cells: CellSummary[];
  /** Cells drawn in another group that own this domain or one under it (a cell may own several domains). */
  ownedFrom: { name: string; title: string }[];
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
  /** Every domain the organization defines, top-level or not. */
  domainCount: number;
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
 * Arranges the organization for the map: one group per top-level domain, each cell in the group of the first
 * domain it owns (and named in the groups of the others), agreements as provider → consumer edges, and who
 * owns each event type.
 */
export function buildOrgGraph(
  org: Pick<OrgSnapshot, 'domains' | 'cells' | 'agreements'>,
  health: ReadonlyMap<string, AgreementHealth> = new Map(),
): OrgGraph {
  const parents = new Map(
    org.domains.map((d) => [d.metadata.name, d.spec.parent ? refName(d.spec.parent) : undefined]),
  );
  const titles = new Map(org.domains.map((d) => [d.metadata.name, d.metadata.title ?? d.metadata.name]));
  const purposes = new Map(org.domains.map((d) => [d.metadata.name, d.spec.purpose]));
  const groups = new Map<string, DomainGroup>();
  const groupOf = (id: string): DomainGroup => {
    let group = groups.get(id);
    if (!group) {
      group = {
        id,
        title: id ? (titles.get(id) ?? id) : 'Without a domain',
        purpose: purposes.get(id) ?? '',
        cells: [],
        ownedFrom: [],
      };
      groups.set(id, group);
    }
    return group;
  };
  // Every top-level domain is drawn, owned or not.
  for (const domain of org.domains) groupOf(rootOf(domain.metadata.name, parents));
  const eventTypes: EventTypeOwner[] = [];
  const owners = new Set<string>();

  for (const cell of org.cells) {
    const domains = (cell.spec.domains ?? []).map(refName);
    const first = domains[0];
    const groupId = first ? rootOf(first, parents) : '';
    const group = groupOf(groupId);
    const title = cell.metadata.title ?? cell.metadata.name;
    for (const other of new Set(domains.slice(1).map((d) => rootOf(d, parents)))) {
      if (other !== groupId) groupOf(other).ownedFrom.push({ name: cell.metadata.name, title });
    }
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
      title,
      type: cell.spec.type,
      purpose: cell.spec.purpose,
      domains,
      eventTypes: types,
    });
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
  return { groups: sorted, domainCount: org.domains.length, edges, eventTypes };
}
