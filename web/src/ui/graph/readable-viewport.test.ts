import { describe, expect, it } from 'vitest';
import { readableViewport, type FitRequest } from './readable-viewport.js';

const canvas = { width: 1000, height: 600 };
const request = (width: number, height: number, extra: Partial<FitRequest> = {}): FitRequest => ({
  bounds: { x: 0, y: 0, width, height },
  readableZoom: 0.85,
  maxZoom: 1.5,
  padding: 20,
  ...extra,
});

describe('readableViewport', () => {
  it('fits a graph that is readable whole, centred', () => {
    const view = readableViewport(request(800, 400), canvas);
    expect(view.zoom).toBeCloseTo(960 / 800);
    expect(view.x + (800 * view.zoom) / 2).toBeCloseTo(500);
    expect(view.y + (400 * view.zoom) / 2).toBeCloseTo(300);
  });

  it('does not blow a small graph up past the largest zoom', () => {
    expect(readableViewport(request(100, 50), canvas).zoom).toBe(1.5);
  });

  it('shows a graph too big to read whole at the readable zoom, from its top, centred on where it starts', () => {
    const view = readableViewport(request(4000, 3000, { anchorX: 1000 }), canvas);
    expect(view.zoom).toBe(0.85);
    expect(view.y).toBe(20);
    expect(view.x + 1000 * 0.85).toBeCloseTo(500);
  });

  it('keeps the graph against the canvas’s edge rather than show empty space beside it', () => {
    const view = readableViewport(request(4000, 3000, { anchorX: 0 }), canvas);
    expect(view.x).toBe(20);
  });
});
