import { Handle, MarkerType, Position, type Node, type NodeProps } from '@xyflow/react';
import { Fragment, useDeferredValue, useId, useMemo, useState } from 'react';
import { ReadOnlyFlow } from '../../ui/components/read-only-flow.js';
import { formatCount, formatDuration } from '../../ui/format/format-time.js';
import type { FitRequest } from '../../ui/graph/readable-viewport.js';
import { ROUTED_EDGE_TYPES, type RoutedEdge } from '../../ui/graph/routed-edge.js';
import { MAX_DRAWN_ARCS, defaultDetail } from './collapse-arcs.js';
import { ARC_LABEL_FONT, END, START, buildProcessGraph, type ActivityBox, type Measure } from './process-graph.js';
import type { ProcessMap } from '../../../../src/model/http/index.js';

type ActivityNode = Node<{ box: ActivityBox }, 'activity'>;

function ActivityNodeView({ data }: NodeProps<ActivityNode>) {
  const { box } = data;
  const terminal = box.id === START || box.id === END;
  return (
    <div
      className={`activity-node${terminal ? ' activity-terminal' : ''}`}
      title={box.owner ? `${box.label}, owned by cell:${box.owner}` : box.label}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <strong>{breakable(box.label)}</strong>
      <span>
        {formatCount(box.events)} {terminal ? 'cases' : 'events'}
        {box.owner ? ` · ${box.owner}` : ''}
      </span>
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
}

/** An event type breaks after its dots (`com.acme.` / `risk.score.changed`), not in the middle of a word. */
function breakable(label: string) {
  return label.split(/(?<=[._/-])/).map((part, i) => (
    <Fragment key={i}>
      {i > 0 && <wbr />}
      {part}
    </Fragment>
  ));
}

const NODE_TYPES = { activity: ActivityNodeView };
/** The smallest text on the map is 13 px: at this zoom it still renders at 11 px. */
const READABLE_ZOOM = 11 / 13;

/**
 * The directly-follows graph: arcs labelled with how often (frequency) or how long (median wait) each step
 * takes, and a slider that collapses the rarest arcs of a big process.
 */
export function ProcessMapFlow({ map, measure }: { map: ProcessMap; measure: Measure }) {
  const sliderId = useId();
  // The detail belongs to the map it was chosen for: a new map (another "Mine") opens at its own default.
  const [chosen, setChosen] = useState<{ map: ProcessMap; percent: number }>();
  const percent = chosen?.map === map ? chosen.percent : defaultDetail(map.directlyFollows.length);
  const deferred = useDeferredValue(percent);
  const graph = useMemo(() => buildProcessGraph(map, measure, deferred), [map, measure, deferred]);
  const nodes = useMemo<ActivityNode[]>(
    () =>
      graph.boxes.map((box) => ({
        id: box.id,
        type: 'activity',
        position: { x: box.x, y: box.y },
        data: { box },
        style: { width: box.width, height: box.height },
        focusable: false,
      })),
    [graph],
  );
  const edges = useMemo<RoutedEdge[]>(
    () =>
      graph.arcs.map((arc) => {
        const color = measure === 'performance' ? heat(arc.weight) : '#2f6f6a';
        return {
          id: arc.id,
          type: 'routed',
          source: arc.from,
          target: arc.to,
          data: { points: arc.points, ...(arc.labelAt ? { labelAt: arc.labelAt } : {}) },
          ...(arc.label ? { label: arc.label } : {}),
          style: { stroke: color, strokeWidth: 1.5 + arc.weight * 5, opacity: 0.45 + arc.weight * 0.55 },
          labelStyle: { fill: '#1f2933', fontSize: ARC_LABEL_FONT },
          labelBgStyle: { fill: '#fbfaf7' },
          labelBgPadding: [4, 2] as [number, number],
          markerEnd: { type: MarkerType.ArrowClosed, color, width: 16, height: 16, markerUnits: 'userSpaceOnUse' },
          focusable: false,
        };
      }),
    [graph, measure],
  );
  const fit = useMemo<FitRequest>(() => {
    const start = graph.boxes.find((b) => b.id === START);
    return {
      bounds: { x: 0, y: 0, width: graph.width, height: graph.height },
      readableZoom: READABLE_ZOOM,
      maxZoom: 1.5,
      padding: 24,
      ...(start ? { anchorX: start.x + start.width / 2 } : {}),
    };
  }, [graph]);

  return (
    <>
      {graph.totalArcs > 1 && (
        <div className="detail-slider">
          <label htmlFor={sliderId}>Arcs shown</label>
          <input
            id={sliderId}
            type="range"
            min={1}
            max={100}
            value={percent}
            onChange={(e) => setChosen({ map, percent: Number(e.target.value) })}
            aria-valuetext={`${percent}%`}
          />
          <output htmlFor={sliderId} data-testid="detail">
            <strong>{percent}%</strong> · {formatCount(graph.shownArcs)} of {formatCount(graph.totalArcs)} arcs ·{' '}
            {formatCount(graph.shownActivities)} of {formatCount(graph.totalActivities)} activities
          </output>
        </div>
      )}
      <div className="process-map" data-testid="process-map">
        <ReadOnlyFlow
          nodes={nodes as Node[]}
          edges={edges}
          nodeTypes={NODE_TYPES}
          edgeTypes={ROUTED_EDGE_TYPES}
          fit={fit}
          maxZoom={2}
        />
      </div>
      {graph.shownArcs < graph.totalArcs && (
        <p className="hint">
          The {formatCount(graph.totalArcs - graph.shownArcs)} rarest arcs are collapsed to keep the map readable; move
          the slider to bring them back.
        </p>
      )}
      {map.directlyFollows.length >= MAX_DRAWN_ARCS && (
        <p className="hint">
          The map shows the {MAX_DRAWN_ARCS} busiest arcs of this process at most;{' '}
          <code>cello insights map --json</code> lists them all.
        </p>
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
