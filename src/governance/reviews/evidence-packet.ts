import type { OrgModel } from '../../manifests/index.js';
import type { Decision, EvidencePacket, Tension, TensionNote } from '../../model/index.js';

/** How many of the latest notes an evidence packet carries. */
const NOTES_SHOWN = 3;

/** What the review looks at for one tension: its evidence, notes, the agreements between its cells, past decisions. */
export function evidencePacket(
  model: OrgModel,
  tension: Tension,
  notes: readonly TensionNote[],
  decisions: readonly Decision[],
): EvidencePacket {
  const cells = new Set(tension.cells);
  const agreements = model.agreements
    .filter((a) => {
      const parties = [a.spec.provider, a.spec.consumer].map((c) => c.replace(/^cell:/, ''));
      return cells.size === 1 ? parties.some((p) => cells.has(p)) : parties.every((p) => cells.has(p));
    })
    .map((a) => ({
      name: a.metadata.name,
      provider: a.spec.provider,
      consumer: a.spec.consumer,
      ...(a.spec.reviewDate ? { reviewDate: a.spec.reviewDate } : {}),
    }));
  return {
    evidence: tension.evidence,
    occurrences: tension.occurrences,
    observedAt: tension.observedAt,
    raisedAt: tension.raisedAt,
    raisedBy: tension.raisedBy,
    comments: notes.filter((n) => n.kind === 'comment').length,
    notes: notes.slice(-NOTES_SHOWN),
    agreements,
    decisions: decisions.map((d) => `${d.id} ${d.outcome} (${d.decidedAt.slice(0, 10)})`),
  };
}
