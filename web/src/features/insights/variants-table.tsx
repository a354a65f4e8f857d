import { formatCount, formatShare } from '../../ui/format/format-time.js';
import type { ProcessMap } from '../../../../src/model/http/index.js';

const SHOWN = 12;

/** The most common paths through the process, with how many cases follow each. */
export function VariantsTable({ variants }: { variants: ProcessMap['variants'] }) {
  return (
    <section aria-labelledby="variants-title">
      <h3 id="variants-title">Variants</h3>
      <table className="table table-compact" data-testid="variants">
        <thead>
          <tr>
            <th scope="col">path</th>
            <th scope="col" className="num">
              cases
            </th>
            <th scope="col">share</th>
          </tr>
        </thead>
        <tbody>
          {variants.slice(0, SHOWN).map((v, i) => (
            <tr key={i}>
              <td>
                <span className="variant-steps">
                  {v.activities.map((a, k) => (
                    <span key={k}>{a}</span>
                  ))}
                </span>
              </td>
              <td className="num">{formatCount(v.count)}</td>
              <td style={{ minWidth: 120 }}>
                <div className="bar-track" aria-hidden="true">
                  <div className="bar" style={{ width: `${Math.max(1, v.share * 100)}%` }} />
                </div>
                <span className="hint">{formatShare(v.share)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {variants.length > SHOWN && <p className="hint">{variants.length - SHOWN} rarer variants are not listed.</p>}
    </section>
  );
}
