import { Link } from '../../router/link.js';
import type { Evidence } from '../../../../src/model/index.js';

/** Governance's evidence, or a recommendation's (insights' own kinds); an unknown kind still shows as text. */
type ShownEvidence = Omit<Evidence, 'kind'> & { kind: string };

/** Evidence as links where the dashboard can show the thing (agreements, cells, URLs), text otherwise. */
export function EvidenceList({ evidence }: { evidence: readonly ShownEvidence[] }) {
  if (evidence.length === 0) return <p className="hint">No evidence attached.</p>;
  return (
    <ul className="plain-list">
      {evidence.map((e, index) => (
        <li key={`${e.kind}:${e.ref}:${index}`}>
          <span className="badge">{e.kind}</span> <EvidenceRef evidence={e} />
          {e.note && <span className="muted"> — {e.note}</span>}
        </li>
      ))}
    </ul>
  );
}

function EvidenceRef({ evidence }: { evidence: ShownEvidence }) {
  const ref = evidence.ref;
  if (/^https?:\/\//.test(ref)) {
    return (
      <a href={ref} target="_blank" rel="noreferrer noopener">
        {ref}
      </a>
    );
  }
  if (evidence.kind === 'tension' || /^T-\d+$/.test(ref))
    return <Link to={`/tensions/${encodeURIComponent(ref)}`}>{ref}</Link>;
  const cell = /^cell:(.+)$/.exec(ref);
  if (cell) return <Link to={`/cells/${encodeURIComponent(cell[1]!)}`}>{ref}</Link>;
  return <code>{ref}</code>;
}
