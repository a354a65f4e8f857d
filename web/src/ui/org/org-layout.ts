import { labelSize } from '../graph/label-size.js';
import { layoutLayered, type LayeredEdge, type Point } from '../graph/layered-layout.js';
import type { OrgGraph } from './org-graph.js';

export const CELL_WIDTH = 240;
export const CELL_HEIGHT = 84;
/** The font size of agreement labels on the map (px): the layout keeps room for them. */
export const AGREEMENT_LABEL_FONT = 13;
const GAP = 20;
const PAD = 12;
const HEADER = 30;
/** A domain drawn without a cell of its own holds a line naming its owner instead. */
const OWNER_ROW = 44;
/** One lane under a domain's cells per agreement between two of them. */
const LANE = 28;

export interface PlacedGroup {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedCell {
  name: string;
  group: string;
  /** Relative to its group. */
  x: number;
  y: number;
}

export interface PlacedAgreement {
  id: string;
  /** From the provider's card to the consumer's, around every other card (flow coordinates). */
  points: Point[];
  /** The label's centre, when agreements are labelled. */
  labelAt: Point | undefined;
}

export interface OrgLayout {
  groups: PlacedGroup[];
  cells: PlacedCell[];
  agreements: PlacedAgreement[];
  width: number;
  height: number;
}

type Edges = Pick<OrgGraph, 'groups' | 'edges'>;

/**
 * Lays the map out top to bottom in the direction agreements flow: domain boxes are the nodes of a layered
 * layout (providers above consumers), each holding its cells in a row; an agreement leaves its provider's card
 * at the bottom, runs around every other box and enters its consumer's card from above (or the other way for
 * the agreements that close a cycle). Agreements between two cells of one domain run in lanes under the row.
 * Deterministic: the same organization always looks the same.
 */
export function layoutOrgGraph(graph: Edges, options: { labels?: boolean } = {}): OrgLayout {
  const labels = options.labels ?? true;
  const groupOf = new Map(graph.groups.flatMap((g) => g.cells.map((c, i) => [c.name, { group: g.id, index: i }])));
  const known = graph.edges.filter((e) => groupOf.has(e.provider) && groupOf.has(e.consumer));
  const inside = known.filter((e) => groupOf.get(e.provider)!.group === groupOf.get(e.consumer)!.group);
  const lanes = new Map<string, number>();
  for (const edge of inside) {
    const group = groupOf.get(edge.provider)!.group;
    lanes.set(group, (lanes.get(group) ?? 0) + 1);
  }

  const boxes = graph.groups.map((g) => {
    const count = Math.max(1, g.cells.length);
    const under = lanes.get(g.id) ?? 0;
    return {
      id: g.id,
      width: PAD * 2 + count * CELL_WIDTH + (count - 1) * GAP,
      height: HEADER + (g.cells.length > 0 ? CELL_HEIGHT : OWNER_ROW) + Math.max(PAD, under * LANE + PAD / 2),
    };
  });

  // Each card spreads its agreements over its width, one slot each, so arrows do not meet in one point.
  const slots = new Map<string, string[]>();
  for (const edge of known) {
    for (const cell of [edge.provider, edge.consumer]) slots.set(cell, [...(slots.get(cell) ?? []), edge.id]);
  }
  const portOf = (cell: string, edge: string) => {
    const { index } = groupOf.get(cell)!;
    const mine = slots.get(cell)!;
    return PAD + index * (CELL_WIDTH + GAP) + (CELL_WIDTH * (mine.indexOf(edge) + 1)) / (mine.length + 1);
  };

  const ends = new Map(known.map((e) => [e.id, e]));
  const between: LayeredEdge[] = known
    .filter((e) => !inside.includes(e))
    .map((e) => ({
      id: e.id,
      from: groupOf.get(e.provider)!.group,
      to: groupOf.get(e.consumer)!.group,
      ...(labels ? { label: labelSize(e.mode, AGREEMENT_LABEL_FONT) } : {}),
      ports: { from: portOf(e.provider, e.id), to: portOf(e.consumer, e.id) },
    }));
  // Without labels the organization is a big one (see OrgFlow): laid out quickly rather than finely.
  const layout = layoutLayered(boxes, between, { nodeGap: 40, rankGap: 44, edgeGap: 16, quick: !labels });

  const groups = boxes.map((b) => ({ id: b.id, ...layout.nodes.get(b.id)! }));
  const cells: PlacedCell[] = graph.groups.flatMap((g) =>
    g.cells.map((c, i) => ({ name: c.name, group: g.id, x: PAD + i * (CELL_WIDTH + GAP), y: HEADER })),
  );
  const boxAt = new Map(groups.map((g) => [g.id, g]));
  const cardTop = (cell: string) => boxAt.get(groupOf.get(cell)!.group)!.y + HEADER;

  const agreements: PlacedAgreement[] = [];
  for (const edge of between) {
    const routed = layout.edges.get(edge.id)!;
    const [first, ...rest] = routed.points;
    const last = rest.pop();
    if (!first || !last) continue;
    // From the card's side to its box's side: only the box's own padding (or its title) lies between.
    const { provider, consumer } = ends.get(edge.id)!;
    const side = (cell: string, at: Point) =>
      at.y <= boxAt.get(groupOf.get(cell)!.group)!.y ? cardTop(cell) : cardTop(cell) + CELL_HEIGHT;
    agreements.push({
      id: edge.id,
      points: [{ x: first.x, y: side(provider, first) }, first, ...rest, last, { x: last.x, y: side(consumer, last) }],
      labelAt: routed.label,
    });
  }
  const laneUsed = new Map<string, number>();
  for (const edge of inside) {
    const group = groupOf.get(edge.provider)!.group;
    const box = boxAt.get(group)!;
    const lane = laneUsed.get(group) ?? 0;
    laneUsed.set(group, lane + 1);
    const bottom = box.y + HEADER + CELL_HEIGHT;
    const y = bottom + PAD / 2 + lane * LANE + LANE / 2;
    const from = box.x + portOf(edge.provider, edge.id);
    const to = box.x + portOf(edge.consumer, edge.id);
    agreements.push({
      id: edge.id,
      points: [
        { x: from, y: bottom },
        { x: from, y },
        { x: to, y },
        { x: to, y: bottom },
      ],
      labelAt: labels ? { x: (from + to) / 2, y } : undefined,
    });
  }
  return { groups, cells, agreements, width: layout.width, height: layout.height };
}
