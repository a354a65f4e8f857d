import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { Link } from '../../router/link.js';
import type { CellSummary, DomainGroup } from '../../ui/org/org-graph.js';

export type CellNodeData = { cell: CellSummary; dimmed: boolean };
export type CellNode = Node<CellNodeData, 'cell'>;

/** A cell on the map: its whole name (a real link, so the map works from the keyboard), type and event types. */
export function CellNodeView({ data }: NodeProps<CellNode>) {
  const { cell } = data;
  const types = cell.eventTypes.length;
  return (
    <div className={`map-cell cell-type-${cell.type}${data.dimmed ? ' dimmed' : ''}`} title={cell.purpose}>
      {/* React Flow draws an edge only between handles; the route itself comes from the layout. */}
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <Link to={`/cells/${encodeURIComponent(cell.name)}`} className="map-cell-name">
        {cell.title}
      </Link>
      <span className="map-cell-type">{cell.type}</span>
      <span className="map-cell-events">
        {types === 0 ? 'no event types' : types === 1 ? cell.eventTypes[0] : `${types} event types`}
      </span>
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
}

export type DomainNode = Node<{ group: DomainGroup }, 'domain'>;

/** The box around a top-level domain's cells; a domain whose owner is drawn elsewhere names and links it. */
export function DomainNodeView({ data }: NodeProps<DomainNode>) {
  const { group } = data;
  const count = group.cells.length;
  return (
    <div
      className="map-domain"
      title={[group.purpose, ...group.ownedFrom.map((o) => `Also owned by ${o.title}.`)].join(' ')}
    >
      <span className="map-domain-title">{group.title}</span>
      {count === 0 && (
        <p className="map-domain-owner">
          {group.ownedFrom.length === 0
            ? 'No cell owns this domain yet.'
            : group.ownedFrom.map((owner, i) => (
                <span key={owner.name}>
                  {i === 0 ? 'Owned by ' : ', '}
                  <Link
                    to={`/cells/${encodeURIComponent(owner.name)}`}
                    aria-label={`${owner.title}, the cell that owns ${group.title}`}
                  >
                    {owner.title}
                  </Link>
                </span>
              ))}
        </p>
      )}
    </div>
  );
}
