/** Geometry the map tests check layouts with: does a drawn route pass through a box? */

export interface Pt {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Whether the segment a→b enters the box's interior (its border shrunk by `margin`, so a route that ends on a
 * side or runs along it does not count). Liang–Barsky clipping.
 */
export function segmentEntersBox(a: Pt, b: Pt, box: Box, margin = 1): boolean {
  const left = box.x + margin;
  const right = box.x + box.width - margin;
  const top = box.y + margin;
  const bottom = box.y + box.height - margin;
  if (left >= right || top >= bottom) return false;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  let t0 = 0;
  let t1 = 1;
  for (const [p, q] of [
    [-dx, a.x - left],
    [dx, right - a.x],
    [-dy, a.y - top],
    [dy, bottom - a.y],
  ] as const) {
    if (p === 0) {
      if (q <= 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 >= t1) return false;
  }
  return true;
}

/** Whether any segment of the polyline enters the box's interior. */
export function routeEntersBox(points: readonly Pt[], box: Box, margin = 1): boolean {
  for (let i = 1; i < points.length; i++) if (segmentEntersBox(points[i - 1]!, points[i]!, box, margin)) return true;
  return false;
}
