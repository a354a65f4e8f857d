import { describe, expect, it } from 'vitest';
import { routeEntersBox } from '../../../../test/support/route-geometry.js';
import { rankBands, routeAroundNodes } from './route-around-nodes.js';

const box = (x: number, y: number, width = 100, height = 40) => ({ x, y, width, height });

describe('rankBands', () => {
  it('merges the nodes of one rank into one band, top to bottom', () => {
    expect(rankBands([box(0, 100), box(200, 90, 100, 60), box(0, 0)])).toEqual([
      { top: 0, bottom: 40 },
      { top: 90, bottom: 150 },
    ]);
  });
});

describe('routeAroundNodes', () => {
  // Rank 0: the source. Rank 1: a wide neighbour beside the point dagre gave the edge. Rank 2: the target.
  const source = box(0, 0);
  const neighbour = box(140, 100, 100, 40);
  const target = box(300, 200);
  const bands = rankBands([source, neighbour, target]);

  it('crosses a rank vertically beside its nodes, where dagre’s straight line cut a corner', () => {
    const dagre = [
      { x: 80, y: 40 },
      { x: 120, y: 120 },
      { x: 320, y: 200 },
    ];
    expect(routeEntersBox(dagre, neighbour)).toBe(true);
    const route = routeAroundNodes(dagre, source, target, bands, {});
    expect(routeEntersBox(route, neighbour)).toBe(false);
    expect(route[0]).toEqual({ x: 86, y: 40 });
    expect(route[route.length - 1]).toEqual({ x: 314, y: 200 });
  });

  it('leaves and enters at the ports it is given', () => {
    const route = routeAroundNodes(
      [
        { x: 0, y: 0 },
        { x: 0, y: 0 },
      ],
      source,
      target,
      bands,
      { from: 30, to: 70 },
    );
    expect(route[0]).toEqual({ x: 30, y: 40 });
    expect(route[route.length - 1]).toEqual({ x: 370, y: 200 });
  });

  it('goes up out of the top and into the bottom for an edge that closes a cycle', () => {
    const route = routeAroundNodes(
      [
        { x: 0, y: 0 },
        { x: 0, y: 0 },
      ],
      target,
      source,
      bands,
      {},
    );
    expect(route[0]!.y).toBe(200);
    expect(route[route.length - 1]!.y).toBe(40);
  });
});
