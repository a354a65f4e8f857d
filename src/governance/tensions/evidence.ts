import { InputError } from '../../shared/index.js';
import { EVIDENCE_KINDS, type Evidence, type EvidenceKind } from '../../model/index.js';

/** How many pieces of evidence a tension keeps; a detector's newest replace its oldest. */
export const MAX_EVIDENCE = 20;

/** Reads `event:42`, `agreement:payments-risk`, `insight:abc` or a URL (a link) into evidence. */
export function parseEvidence(item: string | Evidence): Evidence {
  if (typeof item !== 'string') {
    if (!EVIDENCE_KINDS.includes(item.kind) || typeof item.ref !== 'string' || item.ref === '') {
      throw new InputError(`Evidence ${JSON.stringify(item)} needs a kind (${EVIDENCE_KINDS.join(', ')}) and a ref.`, {
        field: 'evidence',
      });
    }
    return { kind: item.kind, ref: item.ref, ...(item.note ? { note: item.note } : {}) };
  }
  const text = item.trim();
  if (/^https?:\/\//.test(text)) return { kind: 'link', ref: text };
  const colon = text.indexOf(':');
  const kind = text.slice(0, colon) as EvidenceKind;
  if (colon <= 0 || !EVIDENCE_KINDS.includes(kind) || colon === text.length - 1) {
    throw new InputError(
      `Evidence "${item}" is not understood; write kind:ref (${EVIDENCE_KINDS.filter((k) => k !== 'link')
        .map((k) => `${k}:…`)
        .join(', ')}) or a URL, e.g. event:42 or agreement:payments-risk.`,
      { field: 'evidence', value: item },
    );
  }
  return { kind, ref: text.slice(colon + 1) };
}

/** Adds evidence without duplicates (same kind and ref), keeping the newest {@link MAX_EVIDENCE}. */
export function mergeEvidence(existing: readonly Evidence[], added: readonly Evidence[]): Evidence[] {
  const key = (e: Evidence) => `${e.kind}\u0000${e.ref}`;
  const fresh = added.filter((e) => !existing.some((x) => key(x) === key(e)));
  return [...existing, ...fresh].slice(-MAX_EVIDENCE);
}
