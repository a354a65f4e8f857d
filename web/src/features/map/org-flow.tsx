import { MarkerType, type Edge, type Node } from '@xyflow/react';
import { ReadOnlyFlow } from '../../ui/components/read-only-flow.js';
import { useMemo } from 'react';
import { navigate } from '../../router/navigation.js';
import type { OrgGraph } from '../../ui/org/org-graph.js';
import { CELL_HEIGHT, CELL_WIDTH, layoutOrgGraph } from '../../ui/org/org-layout.js';
import { CellNodeView, DomainNodeView, type CellNode, type DomainNode } from './cell-node.js';
import { HEALTH_COLORS } from '../../ui/org/health-colors.js';

const NODE_TYPES = { cell: CellNodeView, domain: DomainNodeView };
/** Past this many agreements the labels crowd the map; the legend and the cell pages carry the mode instead. */
const MAX_LABELLED_EDGES = 120;

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
  const layout = useMemo(() => layoutOrgGraph(graph), [graph]);
  const nodes = useMemo<(CellNode | DomainNode)[]>(() => {
    const byName = new Map(graph.groups.flatMap((g) => g.cells.map((c) => [c.name, c] as const)));
    const groupNodes: DomainNode[] = layout.groups.map((g) => {
      const group = graph.groups.find((x) => x.id === g.id)!;
      return {
        id: `domain:${g.id}`,
        type: 'domain',
        position: { x: g.x, y: g.y },
        data: { title: group.title, count: group.cells.length },
        style: { width: g.width, height: g.height },
        selectable: false,
        focusable: false,
      };
    });
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

  const edges = useMemo<Edge[]>(
    () =>
      graph.edges.map((e) => {
        const color = HEALTH_COLORS[e.health ?? 'unknown'];
        const involved = matches(e.provider) || matches(e.consumer);
        // A big organization's agreements form a web: draw them faint, and bright for the cells found.
        const opacity = !involved ? 0.08 : filtering || graph.edges.length <= MAX_LABELLED_EDGES ? 1 : 0.35;
        return {
          id: `agreement:${e.id}`,
          source: `cell:${e.provider}`,
          target: `cell:${e.consumer}`,
          ...(graph.edges.length <= MAX_LABELLED_EDGES ? { label: e.mode } : {}),
          ariaLabel: `${e.title}: ${e.provider} provides ${e.offer} to ${e.consumer} (${e.mode})`,
          focusable: false,
          style: {
            stroke: color,
            strokeWidth: e.mode === 'collaboration' ? 3 : 2,
            strokeDasharray: e.mode === 'facilitating' ? '6 4' : undefined,
            opacity,
          },
          labelStyle: { fill: '#1f2933', fontSize: 12 },
          labelBgStyle: { fill: '#fbfaf7' },
          labelBgPadding: [4, 2] as [number, number],
          markerEnd: { type: MarkerType.ArrowClosed, color, width: 16, height: 16 },
        };
      }),
    [graph, matches, filtering],
  );

  return (
    <div className="map-canvas" data-testid="org-map">
      <ReadOnlyFlow
        nodes={nodes as Node[]}
        edges={edges}
        nodeTypes={NODE_TYPES}
        fitViewOptions={{ padding: 0.08 }}
        maxZoom={2}
        onNodeClick={(_event, node) => {
          if (node.type === 'cell') navigate(`/cells/${encodeURIComponent(node.id.slice('cell:'.length))}`);
        }}
      />
    </div>
  );
}
