import { describe, expect, it } from 'vitest';
import type { CellSummary, OrgGraph } from './org-graph.js';
import { CELL_HEIGHT, CELL_WIDTH, layerOf, layoutOrgGraph } from './org-layout.js';

const cell = (name: string): CellSummary => ({
  name,
  title: name,
  type: 'stream-aligned',
  purpose: '',
  domains: [],
  eventTypes: [],
});

function org(groupCount: number, cellsPerGroup: number): Pick<OrgGraph, 'groups' | 'edges'> {
  const groups = Array.from({ length: groupCount }, (_, g) => ({
    id: `d${g}`,
    title: `d${g}`,
    cells: Array.from({ length: cellsPerGroup }, (_, c) => cell(`c${g}-${c}`)),
  }));
  // Each domain's first cell provides to the next domain's first cell: a chain of agreements.
  const edges = groups.slice(1).map((_, g) => ({
    id: `a${g}`,
    title: '',
    provider: `c${g}-0`,
    consumer: `c${g + 1}-0`,
    offer: 'o',
    mode: 'x-as-a-service',
    health: undefined,
    compliance: undefined,
  }));
  return { groups, edges };
}

describe('layerOf', () => {
  it('puts providers before their consumers', () => {
    const layer = layerOf(
      ['platform', 'risk', 'finance', 'service'],
      [
        ['platform', 'risk'],
        ['risk', 'finance'],
        ['platform', 'service'],
        ['finance', 'service'],
      ],
    );
    expect(Object.fromEntries(layer)).toEqual({ platform: 0, risk: 1, finance: 2, service: 3 });
  });

  it('ends on a cycle instead of looping', () => {
    const layer = layerOf(
      ['a', 'b'],
      [
        ['a', 'b'],
        ['b', 'a'],
      ],
    );
    expect(Math.max(...layer.values())).toBeLessThanOrEqual(1);
  });
});

describe('layoutOrgGraph', () => {
  it('places every cell once, inside its domain box, without two domain boxes overlapping (200 cells)', () => {
    const graph = org(40, 5);
    const { groups, cells } = layoutOrgGraph(graph);
    expect(cells).toHaveLength(200);
    expect(new Set(cells.map((c) => c.name)).size).toBe(200);
    const box = new Map(groups.map((g) => [g.id, g]));
    for (const c of cells) {
      const g = box.get(c.group)!;
      expect(c.x + CELL_WIDTH).toBeLessThanOrEqual(g.width);
      expect(c.y + CELL_HEIGHT).toBeLessThanOrEqual(g.height);
    }
    for (const a of groups) {
      for (const b of groups) {
        if (a === b) continue;
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart, `${a.id} and ${b.id} overlap`).toBe(true);
      }
    }
  });

  it('draws agreements left to right: a provider’s domain sits left of its consumer’s', () => {
    const { groups } = layoutOrgGraph(org(4, 2));
    const x = (id: string) => groups.find((g) => g.id === id)!.x;
    expect(x('d0')).toBeLessThan(x('d1'));
    expect(x('d1')).toBeLessThan(x('d2'));
    expect(x('d2')).toBeLessThan(x('d3'));
  });

  it('lays the same organization out the same way every time', () => {
    expect(layoutOrgGraph(org(12, 3))).toEqual(layoutOrgGraph(org(12, 3)));
  });
});
