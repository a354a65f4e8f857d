import { describe, expect, it } from 'vitest';
import type { Applied, OrgSnapshot } from './load-org.js';
import { buildOrgGraph } from './org-graph.js';
import { healthFromRows } from './agreement-health.js';

const meta = { version: 1, appliedAt: '2026-01-05T09:00:00.000Z' };
const domain = (name: string, parent?: string): Applied<'Domain'> => ({
  apiVersion: 'cello/v1',
  kind: 'Domain',
  metadata: { name },
  spec: { purpose: name, ...(parent ? { parent: `domain:${parent}` } : {}) },
  ...meta,
});
const cell = (name: string, domains: string[], types: string[] = []): Applied<'Cell'> => ({
  apiVersion: 'cello/v1',
  kind: 'Cell',
  metadata: { name },
  spec: {
    type: 'stream-aligned',
    purpose: `${name} purpose`,
    members: [{ name: 'Ana', roles: ['facilitator'] }],
    domains: domains.map((d) => `domain:${d}`),
    offers: types.length ? [{ name: 'signals', type: 'event', events: types.map((type) => ({ type })) }] : [],
  },
  ...meta,
});
const agreement = (name: string, provider: string, consumer: string): Applied<'Agreement'> => ({
  apiVersion: 'cello/v1',
  kind: 'Agreement',
  metadata: { name },
  spec: {
    provider: `cell:${provider}`,
    consumer: `cell:${consumer}`,
    offer: 'signals',
    mode: 'x-as-a-service',
    slos: [],
  },
  ...meta,
});

const snapshot: Pick<OrgSnapshot, 'domains' | 'cells' | 'agreements'> = {
  domains: [domain('lending'), domain('credit', 'lending'), domain('scoring', 'lending'), domain('plants')],
  cells: [
    cell('finance', ['credit'], ['com.acme.credit.decided']),
    cell('risk', ['scoring'], ['com.acme.risk.changed']),
    cell('plant', ['plants']),
    cell('platform', []),
  ],
  agreements: [agreement('risk-for-finance', 'risk', 'finance'), agreement('to-nowhere', 'risk', 'gone')],
};

describe('buildOrgGraph', () => {
  it('groups cells by the top-level domain they own, with cells owning none last', () => {
    const graph = buildOrgGraph(snapshot);
    expect(graph.groups.map((g) => [g.id, g.cells.map((c) => c.name)])).toEqual([
      ['lending', ['finance', 'risk']],
      ['plants', ['plant']],
      ['', ['platform']],
    ]);
  });

  it('draws every top-level domain, naming the cell that owns one from another group', () => {
    const graph = buildOrgGraph({
      ...snapshot,
      domains: [...snapshot.domains, domain('tooling'), domain('orphan')],
      cells: [...snapshot.cells.slice(0, 3), cell('platform', ['plants', 'tooling'])],
    });
    expect(graph.domainCount).toBe(6);
    expect(graph.groups.map((g) => [g.id, g.cells.map((c) => c.name), g.ownedFrom.map((o) => o.name)])).toEqual([
      ['lending', ['finance', 'risk'], []],
      ['orphan', [], []],
      ['plants', ['plant', 'platform'], []],
      ['tooling', [], ['platform']],
    ]);
  });

  it('draws agreements between known cells, and lists who owns each event type', () => {
    const graph = buildOrgGraph(snapshot);
    expect(graph.edges.map((e) => [e.provider, e.consumer, e.mode])).toEqual([['risk', 'finance', 'x-as-a-service']]);
    expect(graph.eventTypes.map((e) => [e.type, e.owner])).toEqual([
      ['com.acme.credit.decided', 'finance'],
      ['com.acme.risk.changed', 'risk'],
    ]);
  });

  it('colours an agreement by its worst SLO', () => {
    const health = healthFromRows([
      {
        agreement: 'risk-for-finance',
        slos: [
          { compliance: 0.99, objective: 0.95 },
          { compliance: 0.9, objective: 0.95 },
        ],
      },
    ]);
    expect(buildOrgGraph(snapshot, health).edges[0]).toMatchObject({ health: 'breached', compliance: 0.9 });
  });
});

describe('healthFromRows', () => {
  it('reads the states insights reports per SLO', () => {
    const health = healthFromRows([
      { agreement: 'a', state: 'met', compliance: 0.99, objective: 0.95 },
      { agreement: 'a', state: 'insufficient-data', compliance: null, objective: 0.9 },
      { agreement: 'b', state: 'breached', compliance: 0.5, objective: 0.95 },
    ]);
    expect(health.get('a')).toMatchObject({ status: 'met', compliance: 0.99 });
    expect(health.get('b')).toMatchObject({ status: 'breached', compliance: 0.5 });
  });
});
