import { labelStep, lineRuns, niceMax } from './chart-scale.js';

export interface Point {
  label: string;
  value: number | null;
}

/** One named line of a chart with several (e.g. median and p90); every series has the same labels. */
export interface Series {
  name: string;
  points: readonly Point[];
}

const W = 480;
const H = 200;
const M = { top: 12, right: 12, bottom: 30, left: 56 };

/**
 * A small inline SVG chart (line or bars) with its numbers in a table beside it for screen readers.
 * `target` draws a dashed line, e.g. an SLO objective. `series` draws several lines with a legend (lines only);
 * a line breaks where a value is missing rather than bridging the gap.
 */
export function Chart(props: {
  title: string;
  points?: readonly Point[];
  series?: readonly Series[];
  format: (value: number) => string;
  kind?: 'line' | 'bars';
  target?: number;
  max?: number;
}) {
  const { format } = props;
  const all: readonly Series[] = props.series ?? [{ name: 'value', points: props.points ?? [] }];
  const points = all[0]?.points ?? [];
  const values = all.flatMap((s) => s.points.map((p) => p.value)).filter((v): v is number => v !== null);
  const top = props.max ?? niceMax(Math.max(props.target ?? 0, ...values));
  const innerW = W - M.left - M.right;
  const innerH = H - M.top - M.bottom;
  const x = (i: number) => M.left + (points.length <= 1 ? innerW / 2 : (i / (points.length - 1)) * innerW);
  const y = (v: number) => M.top + innerH - (v / top) * innerH;
  const step = labelStep(points.length, 6);
  const band = innerW / Math.max(1, points.length);
  const several = all.length > 1;

  return (
    <figure className="chart-figure">
      <figcaption>{props.title}</figcaption>
      {several && values.length > 0 && (
        <ul className="chart-legend" aria-hidden="true">
          {all.map((s, k) => (
            <li key={s.name}>
              <span className={`swatch series-${k}`} />
              {s.name}
            </li>
          ))}
        </ul>
      )}
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
                  <rect
                    key={i}
                    className="bar-rect"
                    x={M.left + i * band + band * 0.15}
                    width={band * 0.7}
                    y={y(p.value)}
                    height={Math.max(0, M.top + innerH - y(p.value))}
                  >
                    <title>{`${p.label}: ${format(p.value)}`}</title>
                  </rect>
                ),
              )
            : all.map((s, k) => (
                <g key={s.name} className={`series-${k}`}>
                  {lineRuns(s.points.map((p) => p.value)).map((run) => (
                    <polyline
                      key={run[0]}
                      className="series"
                      points={run.map((i) => `${x(i)},${y(s.points[i]!.value!)}`).join(' ')}
                    />
                  ))}
                  {s.points.map((p, i) =>
                    p.value === null ? null : (
                      <circle key={i} cx={x(i)} cy={y(p.value)} r={3} className="dot">
                        <title>{`${p.label}${several ? ` ${s.name}` : ''}: ${format(p.value)}`}</title>
                      </circle>
                    ),
                  )}
                </g>
              ))}
          {props.target !== undefined && (
            <line className="target" x1={M.left} x2={W - M.right} y1={y(props.target)} y2={y(props.target)} />
          )}
          <line className="axis" x1={M.left} x2={W - M.right} y1={M.top + innerH} y2={M.top + innerH} />
          {points.map((p, i) =>
            i % step === 0 ? (
              <text
                key={i}
                x={props.kind === 'bars' ? M.left + i * band + band / 2 : x(i)}
                y={H - 8}
                textAnchor="middle"
              >
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
            {several && (
              <thead>
                <tr>
                  <td />
                  {all.map((s) => (
                    <th key={s.name} scope="col" className="num">
                      {s.name}
                    </th>
                  ))}
                </tr>
              </thead>
            )}
            <tbody>
              {points.map((p, i) => (
                <tr key={i}>
                  <th scope="row">{p.label}</th>
                  {all.map((s) => {
                    const value = s.points[i]?.value ?? null;
                    return (
                      <td key={s.name} className="num">
                        {value === null ? '–' : format(value)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </figure>
  );
}
