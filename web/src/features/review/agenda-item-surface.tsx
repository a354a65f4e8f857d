import { formatDate, formatDuration } from '../../ui/format/format-time.js';
import { EvidenceList } from '../../ui/governance/evidence-list.js';
import type { AgendaItem } from '../../../../src/model/index.js';
import { describeRoute } from '../../ui/governance/tension-view.js';
import { Link } from '../../router/link.js';

/** The evidence packet of an agenda item: what the room looks at before anyone decides. */
export function AgendaItemSurface({ item }: { item: AgendaItem }) {
  const packet = item.evidence;
  return (
    <div className="stack">
      <p className="tension-card-meta">
        <span className="badge">{item.kind === 'tension' ? item.type : `${item.kind} due for review`}</span>
        <span className={`badge severity-${item.severity}`}>{item.severity}</span>
        {item.cells.map((c) => (
          <Link key={c} to={`/cells/${encodeURIComponent(c)}`}>
            {c}
          </Link>
        ))}
      </p>
      <dl className="facts">
        <dt>Who decides</dt>
        <dd>{describeRoute(item.route)}</dd>
        <dt>Score</dt>
        <dd>{item.score.explanation}</dd>
        <dt>Priority</dt>
        <dd>{item.priority.explanation}</dd>
        <dt>Raised</dt>
        <dd>
          {formatDate(packet.raisedAt)} by {packet.raisedBy}; first seen{' '}
          {formatDuration(Date.parse(packet.raisedAt) - Date.parse(packet.observedAt))} earlier
          {packet.occurrences > 1 ? `; seen ${packet.occurrences} times` : ''}
        </dd>
      </dl>
      <div>
        <h3>Evidence</h3>
        <EvidenceList evidence={packet.evidence} />
      </div>
      {packet.agreements.length > 0 && (
        <div>
          <h3>Agreements between these cells</h3>
          <ul className="plain-list">
            {packet.agreements.map((a) => (
              <li key={a.name}>
                <strong>{a.name}</strong> ({a.provider} → {a.consumer})
                {a.reviewDate ? `, review date ${a.reviewDate}` : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
      {packet.notes.length > 0 && (
        <div>
          <h3>
            Latest of {packet.comments} comment{packet.comments === 1 ? '' : 's'}
          </h3>
          <ol className="notes">
            {packet.notes.map((n) => (
              <li key={n.id}>
                <p className="hint">
                  {n.kind === 'advice' ? 'Advice from ' : ''}
                  {n.author}
                </p>
                <p>{n.body}</p>
              </li>
            ))}
          </ol>
        </div>
      )}
      {packet.decisions.length > 0 && (
        <div>
          <h3>Earlier decisions</h3>
          <ul className="plain-list">
            {packet.decisions.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
