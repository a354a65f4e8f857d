import { MODE_STYLES, type InteractionMode } from '../../ui/org/agreement-modes.js';
import { HEALTH_COLORS, HEALTH_LABELS } from '../../ui/org/health-colors.js';

const SAMPLE_INK = '#4b5563';

/** What the lines and colours of the map mean, and whether health is measured at all. */
export function MapLegend({ healthMeasured, sloEndpoint }: { healthMeasured: boolean; sloEndpoint: string }) {
  return (
    <section className="side-section legend" aria-labelledby="legend-title">
      <h2 id="legend-title">Reading the map</h2>
      <ul className="plain-list legend-modes" aria-label="Interaction modes (the line's pattern and its label)">
        {(Object.keys(MODE_STYLES) as InteractionMode[]).map((mode) => {
          const style = MODE_STYLES[mode];
          return (
            <li key={mode} data-mode={mode}>
              <svg width="44" height="12" aria-hidden="true">
                <line
                  x1="2"
                  y1="6"
                  x2="42"
                  y2="6"
                  stroke={SAMPLE_INK}
                  strokeWidth={style.strokeWidth}
                  strokeDasharray={style.strokeDasharray}
                  strokeLinecap={style.strokeDasharray ? 'round' : 'butt'}
                />
                {style.double && <line x1="2" y1="6" x2="42" y2="6" className="routed-edge-gap" />}
              </svg>
              <span
                className="mode-chip"
                style={{ color: style.colour, background: style.tint, borderColor: style.colour }}
              >
                {mode}
              </span>
              <span className="muted">{style.pattern}</span>
            </li>
          );
        })}
      </ul>
      <ul className="plain-list legend-types" aria-label="Cell types (the bar on each card)">
        {(['stream-aligned', 'platform', 'enabling', 'complicated-subsystem'] as const).map((type) => (
          <li key={type}>
            <span className={`type-bar cell-type-${type}`} aria-hidden="true" /> {type}
          </li>
        ))}
      </ul>
      {healthMeasured ? (
        <ul className="plain-list legend-health" aria-label="SLO health (the line's colour)">
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
