import type { Applied } from '../../ui/org/load-org.js';
import { refName } from '../../ui/org/load-org.js';
import { Link } from '../../router/link.js';

/** What the cell offers others (with stated limits) and what it expects from them. */
export function CellOffers({ cell }: { cell: Applied<'Cell'> }) {
  const offers = cell.spec.offers ?? [];
  const expectations = cell.spec.expectations ?? [];
  return (
    <>
      <section className="card" aria-labelledby="offers-title">
        <h2 id="offers-title">Offers</h2>
        {offers.length === 0 ? (
          <p className="hint">This cell offers nothing to others yet.</p>
        ) : (
          <ul className="stack-list">
            {offers.map((offer) => (
              <li key={offer.name}>
                <p>
                  <strong>{offer.name}</strong> <span className="badge">{offer.type}</span>
                  {offer.description && <span className="muted"> — {offer.description}</span>}
                </p>
                {(offer.events ?? []).length > 0 && (
                  <p className="chips">
                    {(offer.events ?? []).map((e) => (
                      <code key={e.type} className="chip" title={e.description}>
                        {e.type}
                      </code>
                    ))}
                  </p>
                )}
                {offer.limits ? (
                  <p className="hint">
                    Limits:{' '}
                    {[
                      offer.limits.capacity && `capacity ${offer.limits.capacity}`,
                      offer.limits.hours && `hours ${offer.limits.hours}`,
                      offer.limits.rate && `rate ${offer.limits.rate}`,
                      offer.limits.outOfScope?.length
                        ? `out of scope: ${offer.limits.outOfScope.join('; ')}`
                        : undefined,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                ) : (
                  <p className="hint">Limits are not stated.</p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="expectations-title">
        <h2 id="expectations-title">Expectations</h2>
        {expectations.length === 0 ? (
          <p className="hint">This cell states no expectations of others.</p>
        ) : (
          <ul className="stack-list">
            {expectations.map((e) => (
              <li key={e.name}>
                <p>
                  <strong>{e.name}</strong>: {e.description}
                </p>
                {e.provider && (
                  <p className="hint">
                    from <Link to={`/cells/${encodeURIComponent(refName(e.provider))}`}>{e.provider}</Link>
                    {e.offer && <> (offer {e.offer})</>}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
