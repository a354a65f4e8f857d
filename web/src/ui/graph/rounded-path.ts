import type { Point } from './layered-layout.js';

const round = (n: number) => Math.round(n * 10) / 10;

/** An SVG path through the points, each bend rounded by up to `radius` (never more than half a segment). */
export function roundedPath(points: readonly Point[], radius = 10): string {
  const path = points.filter((p, i) => i === 0 || p.x !== points[i - 1]!.x || p.y !== points[i - 1]!.y);
  if (path.length === 0) return '';
  const [start] = path as [Point];
  let d = `M ${round(start.x)} ${round(start.y)}`;
  for (let i = 1; i < path.length - 1; i++) {
    const previous = path[i - 1]!;
    const bend = path[i]!;
    const next = path[i + 1]!;
    const before = Math.hypot(bend.x - previous.x, bend.y - previous.y);
    const after = Math.hypot(next.x - bend.x, next.y - bend.y);
    const r = Math.min(radius, before / 2, after / 2);
    const a = { x: bend.x - ((bend.x - previous.x) / before) * r, y: bend.y - ((bend.y - previous.y) / before) * r };
    const b = { x: bend.x + ((next.x - bend.x) / after) * r, y: bend.y + ((next.y - bend.y) / after) * r };
    d += ` L ${round(a.x)} ${round(a.y)} Q ${round(bend.x)} ${round(bend.y)} ${round(b.x)} ${round(b.y)}`;
  }
  const end = path[path.length - 1]!;
  if (path.length > 1) d += ` L ${round(end.x)} ${round(end.y)}`;
  return d;
}
