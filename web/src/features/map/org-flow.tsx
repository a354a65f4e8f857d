import { MarkerType, type Node } from '@xyflow/react';
import { useMemo } from 'react';
import { navigate } from '../../router/navigation.js';
import { ReadOnlyFlow } from '../../ui/components/read-only-flow.js';
import type { Rect } from '../../ui/graph/layered-layout.js';
import type { FitRequest } from '../../ui/graph/readable-viewport.js';
import { ROUTED_EDGE_TYPES, type RoutedEdge } from '../../ui/graph/routed-edge.js';
import { modeStyle } from '../../ui/org/agreement-modes.js';
import { HEALTH_COLORS } from '../../ui/org/health-colors.js';
import type { OrgGraph } from '../../ui/org/org-graph.js';
import {
  AGREEMENT_LABEL_FONT,
  CELL_HEIGHT,
  CELL_WIDTH,
  layoutOrgGraph,
  type OrgLayout,
} from '../../ui/org/org-layout.js';
import { CellNodeView, DomainNodeView, type CellNode, type DomainNode } from './cell-node.js';

const NODE_TYPES = { cell: CellNodeView, domain: DomainNodeView };
/** Past this many agreements the labels crowd the map; the legend and the cell pages carry the mode instead. */
const MAX_LABELLED_EDGES = 120;
/** The smallest text on the map is 13 px: at this zoom it still renders at 11 px. */
const READABLE_ZOOM = 11 / 13;

/** The organization map: domains as boxes, cells inside, agreements as arrows from provider to consumer. */
export function OrgFlow({
  graph,
  matches,
  filtering,
}: {
  graph: OrgGraph;
  matches: (name: string) => boolean;
  filtering: boolean;
}) {
  const labelled = graph.edges.length <= MAX_LABELLED_EDGES;
  const layout = useMemo(() => layoutOrgGraph(graph, { labels: labelled }), [graph, labelled]);
  const nodes = useMemo<(CellNode | DomainNode)[]>(() => {
    const byName = new Map(graph.groups.flatMap((g) => g.cells.map((c) => [c.name, c] as const)));
    const byGroup = new Map(graph.groups.map((g) => [g.id, g]));
    const groupNodes: DomainNode[] = layout.groups.map((g) => ({
      id: `domain:${g.id}`,
      type: 'domain',
      position: { x: g.x, y: g.y },
      data: { group: byGroup.get(g.id)! },
      style: { width: g.width, height: g.height },
      selectable: false,
      focusable: false,
    }));
    const cellNodes: CellNode[] = layout.cells.map((c) => ({
      id: `cell:${c.name}`,
      type: 'cell',
      parentId: `domain:${c.group}`,
      extent: 'parent',
      position: { x: c.x, y: c.y },
      data: { cell: byName.get(c.name)!, dimmed: !matches(c.name) },
      style: { width: CELL_WIDTH, height: CELL_HEIGHT },
      focusable: false,
    }));
    return [...groupNodes, ...cellNodes];
  }, [graph, layout, matches]);

  const edges = useMemo<RoutedEdge[]>(() => {
    const placed = new Map(layout.agreements.map((a) => [a.id, a]));
    return graph.edges.flatMap((e): RoutedEdge[] => {
      const route = placed.get(e.id);
      if (!route) return [];
      const color = HEALTH_COLORS[e.health ?? 'unknown'];
      const mode = modeStyle(e.mode);
      const involved = matches(e.provider) || matches(e.consumer);
      // A big organization's agreements form a web: draw them faint, and bright for the cells found.
      const opacity = !involved ? 0.08 : filtering || labelled ? 1 : 0.35;
      return [
        {
          id: `agreement:${e.id}`,
          type: 'routed',
          source: `cell:${e.provider}`,
          target: `cell:${e.consumer}`,
          data: {
            points: route.points,
            double: mode.double,
            ...(route.labelAt ? { labelAt: route.labelAt } : {}),
          },
          ...(route.labelAt ? { label: e.mode } : {}),
          ariaLabel: `${e.title}: ${e.provider} provides ${e.offer} to ${e.consumer} (${e.mode})`,
          focusable: false,
          style: {
            stroke: color,
            strokeWidth: mode.strokeWidth,
            strokeDasharray: mode.strokeDasharray,
            strokeLinecap: mode.strokeDasharray ? 'round' : 'butt',
            opacity,
          },
          labelStyle: { fill: mode.colour, fontSize: AGREEMENT_LABEL_FONT, fontWeight: 600, opacity },
          labelBgStyle: { fill: mode.tint, stroke: mode.colour, strokeWidth: 1, opacity },
          labelBgPadding: [6, 3] as [number, number],
          labelBgBorderRadius: 4,
          markerEnd: { type: MarkerType.ArrowClosed, color, width: 18, height: 18, markerUnits: 'userSpaceOnUse' },
        },
      ];
    });
  }, [graph, layout, matches, filtering, labelled]);

  const fit = useMemo<FitRequest>(() => {
    const whole: Rect = { x: 0, y: 0, width: layout.width, height: layout.height };
    const found = filtering ? foundBounds(layout, matches) : undefined;
    return { bounds: found ?? whole, readableZoom: READABLE_ZOOM, maxZoom: 1.25, padding: 24 };
  }, [layout, matches, filtering]);

  return (
    <div className="map-canvas" data-testid="org-map">
      <ReadOnlyFlow
        nodes={nodes as Node[]}
        edges={edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={ROUTED_EDGE_TYPES}
        fit={fit}
        maxZoom={2}
        onNodeClick={(_event, node) => {
          if (node.type === 'cell') navigate(`/cells/${encodeURIComponent(node.id.slice('cell:'.length))}`);
        }}
      />
    </div>
  );
}

/** The box around the cells a search found, so the map moves to them; `undefined` when it found none. */
function foundBounds(layout: OrgLayout, matches: (name: string) => boolean): Rect | undefined {
  const at = new Map(layout.groups.map((g) => [g.id, g]));
  const found = layout.cells
    .filter((c) => matches(c.name))
    .map((c) => ({ x: at.get(c.group)!.x + c.x, y: at.get(c.group)!.y + c.y }));
  if (found.length === 0) return undefined;
  const left = Math.min(...found.map((c) => c.x));
  const top = Math.min(...found.map((c) => c.y));
  const right = Math.max(...found.map((c) => c.x + CELL_WIDTH));
  const bottom = Math.max(...found.map((c) => c.y + CELL_HEIGHT));
  return { x: left, y: top, width: right - left, height: bottom - top };
}
