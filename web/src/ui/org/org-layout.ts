import type { OrgGraph } from './org-graph.js';

export const CELL_WIDTH = 220;
export const CELL_HEIGHT = 92;
const GAP = 28;
const PAD = 20;
const LABEL = 40;
const COLUMN_GAP = 110;

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

interface Box {
  id: string;
  width: number;
  height: number;
  cells: string[];
  columns: number;
}

/** Each domain's box: its cells in a near-square grid. */
function boxOf(group: OrgGraph['groups'][number]): Box {
  const count = Math.max(1, group.cells.length);
  const columns = Math.min(count, Math.max(1, Math.round(Math.sqrt(count))));
  const rows = Math.ceil(count / columns);
  return {
    id: group.id,
    width: PAD * 2 + columns * CELL_WIDTH + (columns - 1) * GAP,
    height: LABEL + PAD + rows * CELL_HEIGHT + (rows - 1) * GAP,
    cells: group.cells.map((c) => c.name),
    columns,
  };
}

/**
 * Layers of domains, left to right in the direction agreements flow: a domain sits one column after the
 * furthest domain that provides to it (providers first, consumers last). Cycles stop growing after as many
 * rounds as there are domains, so any organization gets a layout.
 */
export function layerOf(groups: readonly string[], links: readonly (readonly [string, string])[]): Map<string, number> {
  const layer = new Map(groups.map((g) => [g, 0]));
  for (let round = 0; round < groups.length; round++) {
    let changed = false;
    for (const [from, to] of links) {
      const next = Math.min(groups.length - 1, (layer.get(from) ?? 0) + 1);
      if (next > (layer.get(to) ?? 0)) {
        layer.set(to, next);
        changed = true;
      }
    }
    if (!changed) break;
  }
  return layer;
}

/**
 * A deterministic layered layout: domain boxes in columns by how agreements flow (see {@link layerOf}),
 * ordered within a column near the domains they depend on; tall columns wrap so the map keeps a screen's
 * proportions. Linear in cells and agreements, so 200 cells lay out instantly, and the same organization
 * always looks the same.
 */
export function layoutOrgGraph(graph: Pick<OrgGraph, 'groups' | 'edges'>): {
  groups: PlacedGroup[];
  cells: PlacedCell[];
} {
  const boxes = graph.groups.map(boxOf);
  const groupOfCell = new Map(graph.groups.flatMap((g) => g.cells.map((c) => [c.name, g.id] as const)));
  const links: [string, string][] = [];
  for (const edge of graph.edges) {
    const from = groupOfCell.get(edge.provider);
    const to = groupOfCell.get(edge.consumer);
    if (from !== undefined && to !== undefined && from !== to) links.push([from, to]);
  }
  const layer = layerOf(
    boxes.map((b) => b.id),
    links,
  );
  const providers = new Map<string, string[]>();
  for (const [from, to] of links) providers.set(to, [...(providers.get(to) ?? []), from]);

  const totalArea = boxes.reduce((sum, b) => sum + (b.width + GAP) * (b.height + GAP), 0);
  const tallest = Math.max(0, ...boxes.map((b) => b.height));
  const maxColumnHeight = Math.max(tallest, Math.sqrt(totalArea * 1.6));

  const layers = [...new Set(layer.values())].sort((a, b) => a - b);
  const order = new Map<string, number>();
  const columns: PlacedGroup[][] = [];
  let x = 0;
  for (const current of layers) {
    const members = boxes.filter((b) => layer.get(b.id) === current);
    // Near the domains they depend on: by the mean position of their providers (barycentre), then by name.
    const centre = (b: Box) => {
      const ps = (providers.get(b.id) ?? []).map((p) => order.get(p)).filter((n): n is number => n !== undefined);
      return ps.length ? ps.reduce((s, n) => s + n, 0) / ps.length : Number.POSITIVE_INFINITY;
    };
    members.sort((a, b) => centre(a) - centre(b) || 0);
    let column: PlacedGroup[] = [];
    let y = 0;
    let columnWidth = 0;
    for (const box of members) {
      if (y > 0 && y + box.height > maxColumnHeight) {
        columns.push(column);
        column = [];
        x += columnWidth + GAP * 2;
        y = 0;
        columnWidth = 0;
      }
      column.push({ id: box.id, x, y, width: box.width, height: box.height });
      order.set(box.id, order.size);
      y += box.height + GAP * 2;
      columnWidth = Math.max(columnWidth, box.width);
    }
    columns.push(column);
    x += columnWidth + COLUMN_GAP;
  }
  // Columns centred on the tallest, so arrows fan out from the middle instead of hugging the top.
  const heightOf = (column: PlacedGroup[]) =>
    column.length ? column[column.length - 1]!.y + column[column.length - 1]!.height : 0;
  const tallestColumn = Math.max(0, ...columns.map(heightOf));
  const groups = columns.flatMap((column) =>
    column.map((g) => ({ ...g, y: g.y + Math.round((tallestColumn - heightOf(column)) / 2) })),
  );

  const cells: PlacedCell[] = [];
  for (const box of boxes) {
    box.cells.forEach((name, index) => {
      cells.push({
        name,
        group: box.id,
        x: PAD + (index % box.columns) * (CELL_WIDTH + GAP),
        y: LABEL + Math.floor(index / box.columns) * (CELL_HEIGHT + GAP),
      });
    });
  }
  return { groups, cells };
}
