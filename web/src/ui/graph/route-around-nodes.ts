import type { Point, Rect } from './layered-layout.js';

/** A horizontal strip that nodes occupy: one rank of a top-to-bottom layout. */
export interface Band {
  top: number;
  bottom: number;
}

/** The straight piece an edge runs before its arrow and after it leaves, so both meet a node square on. */
const STUB = 10;
/** Ports keep this far from a node's corners. */
const INSET = 14;

/** The strips nodes occupy, overlapping ones merged, top to bottom. */
export function rankBands(rects: readonly Rect[]): Band[] {
  const sorted = [...rects].sort((a, b) => a.y - b.y);
  const bands: Band[] = [];
  for (const rect of sorted) {
    const last = bands[bands.length - 1];
    if (last && rect.y <= last.bottom) last.bottom = Math.max(last.bottom, rect.y + rect.height);
    else bands.push({ top: rect.y, bottom: rect.y + rect.height });
  }
  return bands;
}

function bandAt(bands: readonly Band[], y: number): Band | undefined {
  return bands.find((b) => b.top < y && y < b.bottom);
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
const middle = (r: Rect) => r.y + r.height / 2;

/**
 * Turns dagre's points for an edge into a route that never crosses a node it does not connect. Dagre places
 * a point for the edge in every rank it passes (beside that rank's nodes, in room kept for it) but joins
 * them with straight lines that may cut through a neighbour's corner; here the edge crosses each band of
 * nodes vertically (at the source, at the target and at each of its points) and goes diagonally only in
 * the empty space between bands.
 */
export function routeAroundNodes(
  raw: readonly Point[],
  source: Rect,
  target: Rect,
  bands: readonly Band[],
  ports: { from?: number; to?: number },
): Point[] {
  const inner = raw.slice(1, -1);
  const first = inner[0] ?? { x: target.x + target.width / 2, y: middle(target) };
  const down = first.y > middle(source);
  const sx =
    ports.from !== undefined
      ? source.x + ports.from
      : clamp(first.x, source.x + INSET, source.x + source.width - INSET);
  const out = bandAt(bands, middle(source)) ?? { top: source.y, bottom: source.y + source.height };
  const route: Point[] = [
    { x: sx, y: down ? source.y + source.height : source.y },
    { x: sx, y: down ? out.bottom + STUB : out.top - STUB },
  ];
  for (const point of inner) {
    const band = bandAt(bands, point.y);
    if (!band) {
      route.push(point);
      continue;
    }
    const goingDown = point.y > route[route.length - 1]!.y;
    route.push(
      { x: point.x, y: goingDown ? band.top : band.bottom },
      { x: point.x, y: goingDown ? band.bottom : band.top },
    );
  }
  const last = route[route.length - 1]!;
  const fromAbove = last.y < middle(target);
  const tx =
    ports.to !== undefined ? target.x + ports.to : clamp(last.x, target.x + INSET, target.x + target.width - INSET);
  const into = bandAt(bands, middle(target)) ?? { top: target.y, bottom: target.y + target.height };
  route.push(
    { x: tx, y: fromAbove ? into.top - STUB : into.bottom + STUB },
    { x: tx, y: fromAbove ? target.y : target.y + target.height },
  );
  return route;
}
