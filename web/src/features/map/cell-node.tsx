import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { Link } from '../../router/link.js';
import type { CellSummary } from '../../ui/org/org-graph.js';

export type CellNodeData = { cell: CellSummary; dimmed: boolean };
export type CellNode = Node<CellNodeData, 'cell'>;

/** A cell on the map: its name (a real link, so the map works from the keyboard), type and event types. */
export function CellNodeView({ data }: NodeProps<CellNode>) {
  const { cell } = data;
  const types = cell.eventTypes.length;
  return (
    <div className={`map-cell cell-type-${cell.type}${data.dimmed ? ' dimmed' : ''}`} title={cell.purpose}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <Link to={`/cells/${encodeURIComponent(cell.name)}`} className="map-cell-name">
        {cell.title}
      </Link>
      <span className="map-cell-type">{cell.type}</span>
      <span className="map-cell-events">
        {types === 0 ? 'no event types' : types === 1 ? cell.eventTypes[0] : `${types} event types`}
      </span>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}

export type DomainNode = Node<{ title: string; count: number }, 'domain'>;

/** The box around a domain's cells. */
export function DomainNodeView({ data }: NodeProps<DomainNode>) {
  return (
    <div className="map-domain">
      <span className="map-domain-title">{data.title}</span>
      <span className="map-domain-count">{data.count === 1 ? '1 cell' : `${data.count} cells`}</span>
    </div>
  );
}
