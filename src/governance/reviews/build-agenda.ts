import type { Priority } from '../tensions/rank-tensions.js';
import { rankTensions } from '../tensions/rank-tensions.js';
import type { AgendaItem, AgendaItemKind, EvidencePacket, Tension } from '../../model/index.js';
import type { Route } from '../tensions/route-tension.js';
import type { Score } from '../tensions/score-tension.js';

/** A tension that may go on the agenda, with what ranks and explains it. */
export interface AgendaCandidate {
  tension: Tension;
  score: Score;
  priority: Priority;
  route: Route;
  evidence: EvidencePacket;
}

const KIND_BY_DETECTOR: Record<string, AgendaItemKind> = {
  'agreement-review': 'agreement',
  'experiment-review': 'experiment',
  'decision-review': 'decision',
};

/** Why a tension is on the agenda: its own gap, or the review date of an agreement, experiment or decision. */
export function agendaItemKind(tension: Pick<Tension, 'detector'>): AgendaItemKind {
  return (tension.detector && KIND_BY_DETECTOR[tension.detector]) || 'tension';
}

/**
 * Orders the agenda: by priority (see rank-tensions.ts). When the facilitator has reordered an earlier version,
 * items still there keep that order and new ones follow by priority. Items keep what the review did with them.
 */
export function buildAgenda(
  candidates: readonly AgendaCandidate[],
  previous?: { agenda: readonly AgendaItem[]; reordered: boolean },
): AgendaItem[] {
  const ranked = rankTensions(candidates);
  const before = new Map((previous?.agenda ?? []).map((item, i) => [item.tensionId, { item, i }]));
  const ordered = previous?.reordered
    ? [
        ...ranked
          .filter((c) => before.has(c.tension.id))
          .sort((a, b) => before.get(a.tension.id)!.i - before.get(b.tension.id)!.i),
        ...ranked.filter((c) => !before.has(c.tension.id)),
      ]
    : ranked;
  return ordered.map((c): AgendaItem => {
    const kept = before.get(c.tension.id)?.item;
    return {
      tensionId: c.tension.id,
      kind: agendaItemKind(c.tension),
      title: c.tension.title,
      type: c.tension.type,
      cells: c.tension.cells,
      severity: c.tension.severity,
      tensionState: c.tension.state,
      score: c.score,
      priority: c.priority,
      route: c.route,
      evidence: c.evidence,
      status: kept?.status ?? 'pending',
      ...(kept?.decisionId ? { decisionId: kept.decisionId } : {}),
      ...(kept?.proposalId ? { proposalId: kept.proposalId } : {}),
    };
  });
}

/** Moves the named items (positions or tension ids resolved to ids) to the front, in the order given. */
export function reorderAgenda(agenda: readonly AgendaItem[], first: readonly string[]): AgendaItem[] {
  const picked = first.map((id) => agenda.find((i) => i.tensionId === id)!);
  return [...picked, ...agenda.filter((i) => !first.includes(i.tensionId))];
}
