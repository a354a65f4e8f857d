import { Handle, MarkerType, Position, type Edge, type Node, type NodeProps } from '@xyflow/react';
import { ReadOnlyFlow } from '../../ui/components/read-only-flow.js';
import { useMemo } from 'react';
import { formatCount, formatDuration } from '../../ui/format/format-time.js';
import { ACTIVITY_HEIGHT, ACTIVITY_WIDTH, buildProcessGraph, type ActivityBox, type Measure } from './process-graph.js';
import type { ProcessMap } from '../../../../src/model/http/index.js';

type ActivityNode = Node<{ box: ActivityBox }, 'activity'>;

function ActivityNodeView({ data }: NodeProps<ActivityNode>) {
  const { box } = data;
  return (
    <div className="activity-node" title={box.owner ? `owned by cell:${box.owner}` : undefined}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <strong>{box.label}</strong>
      <span>
        {formatCount(box.events)} {box.id.startsWith('▶') || box.id.startsWith('■') ? 'cases' : 'events'}
        {box.owner ? ` · ${box.owner}` : ''}
      </span>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}

const NODE_TYPES = { activity: ActivityNodeView };

/** The directly-follows graph: arcs labelled with how often (frequency) or how long (median wait) each step takes. */
export function ProcessMapFlow({ map, measure }: { map: ProcessMap; measure: Measure }) {
  const graph = useMemo(() => buildProcessGraph(map, measure), [map, measure]);
  const nodes = useMemo<ActivityNode[]>(
    () =>
      graph.boxes.map((box) => ({
        id: box.id,
        type: 'activity',
        position: { x: box.x, y: box.y },
        data: { box },
        style: { width: ACTIVITY_WIDTH, height: ACTIVITY_HEIGHT },
        focusable: false,
      })),
    [graph],
  );
  const edges = useMemo<Edge[]>(
    () =>
      graph.arcs.map((arc) => {
        const color = measure === 'performance' ? heat(arc.weight) : '#2f6f6a';
        return {
          id: arc.id,
          source: arc.from,
          target: arc.to,
          label:
            measure === 'frequency'
              ? formatCount(arc.frequency)
              : arc.medianMs === null
                ? ''
                : formatDuration(arc.medianMs),
          style: { stroke: color, strokeWidth: 1 + arc.weight * 5, opacity: 0.4 + arc.weight * 0.6 },
          labelStyle: { fill: '#1f2933', fontSize: 12 },
          labelBgStyle: { fill: '#fbfaf7' },
          markerEnd: { type: MarkerType.ArrowClosed, color, width: 14, height: 14 },
          focusable: false,
        };
      }),
    [graph, measure],
  );
  return (
    <>
      <div className="process-map" data-testid="process-map">
        <ReadOnlyFlow nodes={nodes as Node[]} edges={edges} nodeTypes={NODE_TYPES} />
      </div>
      {graph.hiddenArcs > 0 && (
        <p className="hint">The {graph.hiddenArcs} least frequent arcs are left out to keep the map readable.</p>
      )}
      <details>
        <summary>The arcs as a table</summary>
        <table className="table table-compact">
          <thead>
            <tr>
              <th scope="col">from → to</th>
              <th scope="col" className="num">
                times
              </th>
              <th scope="col" className="num">
                median time
              </th>
            </tr>
          </thead>
          <tbody>
            {graph.arcs.map((arc) => (
              <tr key={arc.id}>
                <td>
                  {arc.from} → {arc.to}
                </td>
                <td className="num">{formatCount(arc.frequency)}</td>
                <td className="num">{formatDuration(arc.medianMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}

/** Slow arcs turn from green to amber to red. */
function heat(weight: number): string {
  if (weight > 0.66) return '#c2413b';
  if (weight > 0.33) return '#b7791f';
  return '#2f7d4f';
}
