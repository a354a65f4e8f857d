import type { OrgSnapshot } from '../../ui/org/load-org.js';
import { refName } from '../../ui/org/load-org.js';

/** The signals the cell chose to act on, and what it does with them. */
export function CellSubscriptions({ org, cell }: { org: OrgSnapshot; cell: string }) {
  const mine = org.subscriptions.filter((s) => refName(s.spec.cell) === cell);
  return (
    <section className="card" aria-labelledby="subscriptions-title">
      <h2 id="subscriptions-title">Subscriptions</h2>
      {mine.length === 0 ? (
        <p className="hint">This cell subscribes to no signals.</p>
      ) : (
        <ul className="stack-list">
          {mine.map((s) => (
            <li key={s.metadata.name}>
              <p>
                <strong>{s.metadata.name}</strong>{' '}
                {s.spec.types.map((t) => (
                  <code key={t} className="chip">
                    {t}
                  </code>
                ))}
              </p>
              {s.spec.filter && (
                <p className="hint">
                  when <code>{s.spec.filter}</code>
                </p>
              )}
              <p className="hint">
                then{' '}
                {s.spec.actions
                  .map((a) =>
                    'webhook' in a
                      ? `deliver to ${a.webhook.url}`
                      : 'emit' in a
                        ? `emit ${a.emit.type}`
                        : `run ${a.workflow}`,
                  )
                  .join(', ')}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
