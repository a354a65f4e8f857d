import { describe, expect, it } from 'vitest';
import { routeEntersBox } from '../../../../test/support/route-geometry.js';
import type { AgreementEdge, CellSummary, OrgGraph } from './org-graph.js';
import { labelSize } from '../graph/label-size.js';
import { AGREEMENT_LABEL_FONT, CELL_HEIGHT, CELL_WIDTH, layoutOrgGraph, type OrgLayout } from './org-layout.js';

const cell = (name: string): CellSummary => ({
  name,
  title: name,
  type: 'stream-aligned',
  purpose: '',
  domains: [],
  eventTypes: [],
});

const agreement = (id: string, provider: string, consumer: string): AgreementEdge => ({
  id,
  title: '',
  provider,
  consumer,
  offer: 'o',
  mode: 'x-as-a-service',
  health: undefined,
  compliance: undefined,
});

function org(groupCount: number, cellsPerGroup: number): Pick<OrgGraph, 'groups' | 'edges'> {
  const groups = Array.from({ length: groupCount }, (_, g) => ({
    id: `d${g}`,
    title: `d${g}`,
    purpose: '',
    cells: Array.from({ length: cellsPerGroup }, (_, c) => cell(`c${g}-${c}`)),
    ownedFrom: [],
  }));
  // Each domain's first cell provides to the next domain's first cell: a chain of agreements.
  const edges = groups.slice(1).map((_, g) => agreement(`a${g}`, `c${g}-0`, `c${g + 1}-0`));
  return { groups, edges };
}

/** A seeded web of agreements between any two cells, inside a domain or across. */
function web(graph: Pick<OrgGraph, 'groups' | 'edges'>, count: number, seed = 7): Pick<OrgGraph, 'groups' | 'edges'> {
  const names = graph.groups.flatMap((g) => g.cells.map((c) => c.name));
  let state = seed;
  const next = () => (state = (state * 16807) % 2147483647) % names.length;
  const edges: AgreementEdge[] = [];
  while (edges.length < count) {
    const [from, to] = [names[next()]!, names[next()]!];
    if (from !== to) edges.push(agreement(`w${edges.length}`, from, to));
  }
  return { groups: graph.groups, edges };
}

/** Every card in flow coordinates, by cell name. */
function cards(layout: OrgLayout) {
  const at = new Map(layout.groups.map((g) => [g.id, g]));
  return new Map(
    layout.cells.map((c) => [
      c.name,
      { x: at.get(c.group)!.x + c.x, y: at.get(c.group)!.y + c.y, width: CELL_WIDTH, height: CELL_HEIGHT },
    ]),
  );
}

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

  it('draws agreements in the direction they flow: a provider’s domain sits above its consumer’s', () => {
    const { groups } = layoutOrgGraph(org(4, 2));
    const y = (id: string) => groups.find((g) => g.id === id)!.y;
    expect(y('d0')).toBeLessThan(y('d1'));
    expect(y('d1')).toBeLessThan(y('d2'));
    expect(y('d2')).toBeLessThan(y('d3'));
  });

  it('lays out agreements that form a cycle', () => {
    const graph = org(2, 1);
    const cyclic = { groups: graph.groups, edges: [...graph.edges, agreement('back', 'c1-0', 'c0-0')] };
    const layout = layoutOrgGraph(cyclic);
    expect(layout.agreements.map((a) => a.id).sort()).toEqual(['a0', 'back']);
  });

  it('routes every agreement from its provider’s card to its consumer’s, through no other card', () => {
    for (const graph of [web(org(6, 3), 30), web(org(40, 5), 150, 11)]) {
      const layout = layoutOrgGraph(graph);
      const boxes = cards(layout);
      const byId = new Map(layout.agreements.map((a) => [a.id, a]));
      for (const edge of graph.edges) {
        const route = byId.get(edge.id)!;
        const [first, last] = [route.points[0]!, route.points[route.points.length - 1]!];
        const source = boxes.get(edge.provider)!;
        const target = boxes.get(edge.consumer)!;
        expect(first.x).toBeGreaterThanOrEqual(source.x);
        expect(first.x).toBeLessThanOrEqual(source.x + source.width);
        expect([source.y, source.y + source.height]).toContain(first.y);
        expect([target.y, target.y + target.height]).toContain(last.y);
        for (const [name, box] of boxes) {
          if (name === edge.provider || name === edge.consumer) continue;
          expect(
            routeEntersBox(route.points, box),
            `${edge.id} (${edge.provider} → ${edge.consumer}) crosses ${name}`,
          ).toBe(false);
        }
      }
    }
  });

  it('keeps room for the labels: no label covers a card or another label', () => {
    const layout = layoutOrgGraph(web(org(8, 2), 24));
    const { width, height } = labelSize('x-as-a-service', AGREEMENT_LABEL_FONT);
    const labels = layout.agreements.map((a) => ({
      x: a.labelAt!.x - width / 2,
      y: a.labelAt!.y - height / 2,
      width,
      height,
    }));
    const overlap = (a: (typeof labels)[number], b: (typeof labels)[number]) =>
      a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    for (const [name, box] of cards(layout)) {
      for (const label of labels) expect(overlap(label, box), `a label covers ${name}`).toBe(false);
    }
    labels.forEach((a, i) =>
      labels.slice(i + 1).forEach((b) => expect(overlap(a, b), 'two labels overlap').toBe(false)),
    );
  });

  it('lays the same organization out the same way every time', () => {
    expect(layoutOrgGraph(web(org(12, 3), 20))).toEqual(layoutOrgGraph(web(org(12, 3), 20)));
  });
});
