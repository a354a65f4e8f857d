import { formatRelative } from '../../ui/format/format-time.js';
import type { TensionView } from '../../../../src/model/index.js';
import { Link } from '../../router/link.js';

/** One tension on the board: a link to its page, with what decides its place. */
export function TensionCard({ item }: { item: TensionView }) {
  const { tension, score, priority, route } = item;
  return (
    <Link to={`/tensions/${encodeURIComponent(tension.id)}`} className="tension-card">
      <span className="tension-card-title">
        <span className="muted">{tension.id}</span> {tension.title}
      </span>
      <span className="tension-card-meta">
        <span className="badge">{tension.type}</span>
        <span className={`badge severity-${tension.severity}`}>{tension.severity}</span>
        {tension.origin === 'detector' && <span className="badge">detected ×{tension.occurrences}</span>}
        {!route.routed && <span className="badge status-dead">no decider</span>}
      </span>
      <span className="tension-card-meta">
        {tension.cells.join(', ')} · score {score.total}/{score.max} · priority {Math.round(priority.total)} ·{' '}
        {formatRelative(tension.raisedAt)}
      </span>
    </Link>
  );
}
