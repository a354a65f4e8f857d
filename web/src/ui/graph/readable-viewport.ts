import type { Rect } from './layered-layout.js';

/** Where the canvas looks: flow coordinates are scaled by `zoom`, then shifted by `x` and `y` (screen pixels). */
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** What to show in the canvas, and how far out it may zoom before text stops being readable. */
export interface FitRequest {
  /** The part of the graph to show: all of it, or what a search found. */
  bounds: Rect;
  /** The smallest zoom at which the smallest text on the graph still renders at 11 px or more. */
  readableZoom: number;
  /** The largest zoom a fit may use, so a graph of two nodes does not fill the screen with one card. */
  maxZoom: number;
  /** Screen pixels kept free around the graph. */
  padding: number;
  /** The x (flow coordinates) to centre on when the graph is wider than the canvas: where it starts. */
  anchorX?: number;
}

/**
 * Fits the bounds into the canvas, but never below the readable zoom: a graph too big to read whole is shown
 * at the readable zoom from its top (where a top-to-bottom graph starts), centred on its anchor, and the
 * reader pans or zooms out from there.
 */
export function readableViewport(request: FitRequest, canvas: { width: number; height: number }): Viewport {
  const { bounds, padding } = request;
  const room = { width: Math.max(1, canvas.width - 2 * padding), height: Math.max(1, canvas.height - 2 * padding) };
  const fit = Math.min(
    room.width / Math.max(1, bounds.width),
    room.height / Math.max(1, bounds.height),
    request.maxZoom,
  );
  const zoom = Math.max(fit, request.readableZoom);
  const centreX = bounds.x + bounds.width / 2;
  let x = canvas.width / 2 - centreX * zoom;
  if (bounds.width * zoom > room.width) {
    const anchored = canvas.width / 2 - (request.anchorX ?? centreX) * zoom;
    // Keep the graph's edges at the canvas's edges rather than show empty space beside it.
    x = Math.min(
      padding - bounds.x * zoom,
      Math.max(canvas.width - padding - (bounds.x + bounds.width) * zoom, anchored),
    );
  }
  const y =
    bounds.height * zoom > room.height
      ? padding - bounds.y * zoom
      : canvas.height / 2 - (bounds.y + bounds.height / 2) * zoom;
  return { x, y, zoom };
}
