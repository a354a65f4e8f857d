import type { FieldChange } from '../../../../src/model/index.js';
import { showValue } from './field-path.js';

/** The field diff of a new agreement version: each path with its value before (−) and after (+). */
export function AgreementDiff({ changes, title }: { changes: readonly FieldChange[]; title: string }) {
  return (
    <figure className="agreement-diff">
      <figcaption className="hint">{title}</figcaption>
      <ul className="diff" aria-label={title}>
        {changes.map((change) => (
          <li key={change.path} className="diff-change">
            <div>{change.path}</div>
            {change.before !== undefined && (
              <div className="removed">
                <span aria-hidden="true">− </span>
                <span className="visually-hidden">before: </span>
                {showValue(change.before)}
              </div>
            )}
            {change.after !== undefined && (
              <div className="added">
                <span aria-hidden="true">+ </span>
                <span className="visually-hidden">after: </span>
                {showValue(change.after)}
              </div>
            )}
          </li>
        ))}
      </ul>
    </figure>
  );
}
