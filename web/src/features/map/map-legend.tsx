import { HEALTH_COLORS, HEALTH_LABELS } from '../../ui/org/health-colors.js';

/** What the lines and colours of the map mean, and whether health is measured at all. */
export function MapLegend({ healthMeasured, sloEndpoint }: { healthMeasured: boolean; sloEndpoint: string }) {
  return (
    <section className="side-section legend" aria-labelledby="legend-title">
      <h2 id="legend-title">Reading the map</h2>
      <ul className="plain-list">
        <li>
          <svg width="44" height="10" aria-hidden="true">
            <line x1="0" y1="5" x2="44" y2="5" stroke="#4b5563" strokeWidth="3" />
          </svg>{' '}
          collaboration
        </li>
        <li>
          <svg width="44" height="10" aria-hidden="true">
            <line x1="0" y1="5" x2="44" y2="5" stroke="#4b5563" strokeWidth="2" />
          </svg>{' '}
          x-as-a-service
        </li>
        <li>
          <svg width="44" height="10" aria-hidden="true">
            <line x1="0" y1="5" x2="44" y2="5" stroke="#4b5563" strokeWidth="2" strokeDasharray="6 4" />
          </svg>{' '}
          facilitating
        </li>
      </ul>
      <ul className="plain-list legend-types" aria-label="Cell types (the bar on each card)">
        {(['stream-aligned', 'platform', 'enabling', 'complicated-subsystem'] as const).map((type) => (
          <li key={type}>
            <span className={`type-bar cell-type-${type}`} aria-hidden="true" /> {type}
          </li>
        ))}
      </ul>
      {healthMeasured ? (
        <ul className="plain-list legend-health">
          {(['met', 'at-risk', 'breached', 'no-data'] as const).map((status) => (
            <li key={status}>
              <span className="swatch" style={{ background: HEALTH_COLORS[status] }} aria-hidden="true" />{' '}
              {HEALTH_LABELS[status]}
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">
          SLO health: not available on this server (it does not offer <code>GET {sloEndpoint}</code>), so agreements are
          drawn in grey.
        </p>
      )}
    </section>
  );
}
