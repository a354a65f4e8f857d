import dagre from '@dagrejs/dagre';
import { routeAroundNodes, rankBands } from './route-around-nodes.js';

/** A point in the flow's coordinates. */
export interface Point {
  x: number;
  y: number;
}

/** A box by its top-left corner and size. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LayeredNode {
  id: string;
  width: number;
  height: number;
}

export interface LayeredEdge {
  id: string;
  from: string;
  to: string;
  /** The label's size: the layout keeps room for it between the ranks. */
  label?: { width: number; height: number };
  /** Heavier edges are kept shorter and straighter (default 1). */
  weight?: number;
  /** Where the edge leaves and enters: x from the node's left, on its bottom or top side; by default toward the route. */
  ports?: { from?: number; to?: number };
}

export interface RoutedEdge {
  /** From the source's side to the target's, going around every other node. */
  points: Point[];
  /** The label's centre, when the edge has a label. */
  label: Point | undefined;
}

export interface LayeredLayout {
  nodes: Map<string, Rect>;
  edges: Map<string, RoutedEdge>;
  width: number;
  height: number;
}

export interface LayeredOptions {
  /** Space between neighbours in a rank. */
  nodeGap: number;
  /** Space between ranks (a label rank, when edges have labels, sits in the middle of it). */
  rankGap: number;
  /** Space between edges that run side by side. */
  edgeGap: number;
  /**
   * For a big graph drawn without labels: ranks by longest path, one pass of crossing reduction, and edges
   * between the same two nodes routed together; seconds become a fraction of one.
   */
  quick?: boolean;
}

/** How far a self-loop reaches right of its node, before its label. */
const LOOP = 18;

/**
 * A layered (Sugiyama) layout, top to bottom in the direction edges point, by dagre: ranks, crossing
 * reduction, room for edge labels; then each edge routed so it crosses a rank only beside its nodes (see
 * {@link routeAroundNodes}). A self-loop is drawn on its node's right, in room the node is widened by.
 * Deterministic: the same graph in the same order always lays out the same way.
 */
export function layoutLayered(
  nodes: readonly LayeredNode[],
  edges: readonly LayeredEdge[],
  options: LayeredOptions,
): LayeredLayout {
  const loopRoom = new Map<string, number>();
  for (const edge of edges) {
    if (edge.from !== edge.to) continue;
    const room = LOOP + 6 + (edge.label?.width ?? 0);
    loopRoom.set(edge.from, Math.max(loopRoom.get(edge.from) ?? 0, room));
  }
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({
    rankdir: 'TB',
    nodesep: options.nodeGap,
    ranksep: options.rankGap,
    edgesep: options.edgeGap,
    ranker: options.quick ? 'longest-path' : 'network-simplex',
    marginx: 0,
    marginy: 0,
  });
  for (const node of nodes) {
    graph.setNode(node.id, { width: node.width + (loopRoom.get(node.id) ?? 0), height: node.height });
  }
  const known = new Set(nodes.map((n) => n.id));
  const drawn = edges.filter((e) => known.has(e.from) && known.has(e.to));
  // Which laid-out edge carries each edge: itself, or in a quick layout the first between the same two nodes.
  const carrier = new Map<string, string>();
  const firstBetween = new Map<string, string>();
  for (const edge of drawn) {
    if (edge.from === edge.to) continue;
    const between = `${edge.from}\u0000${edge.to}`;
    const first = options.quick ? firstBetween.get(between) : undefined;
    carrier.set(edge.id, first ?? edge.id);
    if (first) continue;
    firstBetween.set(between, edge.id);
    graph.setEdge(
      edge.from,
      edge.to,
      {
        width: edge.label?.width ?? 0,
        height: edge.label?.height ?? 0,
        labelpos: 'c',
        weight: edge.weight ?? 1,
      },
      edge.id,
    );
  }
  dagre.layout(graph, { disableOptimalOrderHeuristic: options.quick ?? false });

  const rects = new Map<string, Rect>();
  for (const node of nodes) {
    const placed = graph.node(node.id);
    rects.set(node.id, {
      x: (placed.x ?? 0) - (node.width + (loopRoom.get(node.id) ?? 0)) / 2,
      y: (placed.y ?? 0) - node.height / 2,
      width: node.width,
      height: node.height,
    });
  }
  const bands = rankBands([...rects.values()]);
  const routed = new Map<string, RoutedEdge>();
  for (const edge of drawn) {
    if (edge.from === edge.to) {
      routed.set(edge.id, selfLoop(rects.get(edge.from)!, edge.label?.width));
      continue;
    }
    const placed = graph.edge(edge.from, edge.to, carrier.get(edge.id)!);
    const points = routeAroundNodes(
      placed.points ?? [],
      rects.get(edge.from)!,
      rects.get(edge.to)!,
      bands,
      edge.ports ?? {},
    );
    routed.set(edge.id, {
      points,
      label:
        edge.label && carrier.get(edge.id) === edge.id && placed.x !== undefined && placed.y !== undefined
          ? { x: placed.x, y: placed.y }
          : undefined,
    });
  }
  const size = graph.graph();
  return { nodes: rects, edges: routed, width: size.width ?? 0, height: size.height ?? 0 };
}

/** A loop out of a node's right side and back in, its label beside it. */
function selfLoop(node: Rect, labelWidth: number | undefined): RoutedEdge {
  const right = node.x + node.width;
  const middle = node.y + node.height / 2;
  return {
    points: [
      { x: right, y: middle - 10 },
      { x: right + LOOP, y: middle - 10 },
      { x: right + LOOP, y: middle + 10 },
      { x: right, y: middle + 10 },
    ],
    label: labelWidth === undefined ? undefined : { x: right + LOOP + 4 + labelWidth / 2, y: middle },
  };
}
