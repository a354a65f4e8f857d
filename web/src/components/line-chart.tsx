import { labelStep, niceMax } from './chart-scale.js';

export interface Point {
  label: string;
  value: number | null;
}

const W = 480;
const H = 200;
const M = { top: 12, right: 12, bottom: 30, left: 56 };

/**
 * A small inline SVG chart (line or bars) with its numbers in a table beside it for screen readers.
 * `target` draws a dashed line, e.g. an SLO objective.
 */
export function Chart(props: { title: string; points: readonly Point[]; format: (value: number) => string; kind?: 'line' | 'bars'; target?: number; max?: number }) {
  const { points, format } = props;
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  const top = props.max ?? niceMax(Math.max(props.target ?? 0, ...values));
  const innerW = W - M.left - M.right;
  const innerH = H - M.top - M.bottom;
  const x = (i: number) => M.left + (points.length <= 1 ? innerW / 2 : (i / (points.length - 1)) * innerW);
  const y = (v: number) => M.top + innerH - (v / top) * innerH;
  const step = labelStep(points.length, 6);
  const band = innerW / Math.max(1, points.length);
  const line = points
    .map((p, i) => (p.value === null ? null : `${x(i)},${y(p.value)}`))
    .filter(Boolean)
    .join(' ');

  return (
    <figure className="chart-figure">
      <figcaption>{props.title}</figcaption>
      {values.length === 0 ? (
        <p className="hint">No data in this period.</p>
      ) : (
        <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={props.title}>
          {[0, 0.5, 1].map((f) => (
            <g key={f}>
              <line className="grid" x1={M.left} x2={W - M.right} y1={y(top * f)} y2={y(top * f)} />
              <text x={M.left - 6} y={y(top * f) + 4} textAnchor="end">
                {format(top * f)}
              </text>
            </g>
          ))}
          {props.kind === 'bars'
            ? points.map((p, i) =>
                p.value === null ? null : (
                  <rect key={i} className="bar-rect" x={M.left + i * band + band * 0.15} width={band * 0.7} y={y(p.value)} height={Math.max(0, M.top + innerH - y(p.value))}>
                    <title>{`${p.label}: ${format(p.value)}`}</title>
                  </rect>
                ),
              )
            : (
                <>
                  <polyline className="series" points={line} />
                  {points.map((p, i) =>
                    p.value === null ? null : (
                      <circle key={i} cx={x(i)} cy={y(p.value)} r={3} className="dot">
                        <title>{`${p.label}: ${format(p.value)}`}</title>
                      </circle>
                    ),
                  )}
                </>
              )}
          {props.target !== undefined && <line className="target" x1={M.left} x2={W - M.right} y1={y(props.target)} y2={y(props.target)} />}
          <line className="axis" x1={M.left} x2={W - M.right} y1={M.top + innerH} y2={M.top + innerH} />
          {points.map((p, i) =>
            i % step === 0 ? (
              <text key={i} x={props.kind === 'bars' ? M.left + i * band + band / 2 : x(i)} y={H - 8} textAnchor="middle">
                {p.label}
              </text>
            ) : null,
          )}
        </svg>
      )}
      {values.length > 0 && (
        <details>
          <summary>The numbers</summary>
          <table className="table table-compact">
            <tbody>
              {points.map((p, i) => (
                <tr key={i}>
                  <th scope="row">{p.label}</th>
                  <td className="num">{p.value === null ? '–' : format(p.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </figure>
  );
}
