import {
  parseCelloEvent,
  REVIEW_EVENT_PREFIX,
  ReviewClosed,
  ReviewPlanned,
  TENSION_EVENT_PREFIX,
  TensionDecided,
  TensionDropped,
  TensionEscalated,
  TensionRaised,
  TensionReopened,
  TensionResolved,
  TensionScheduled,
  TensionUnscheduled,
  type CelloEvent,
} from '../../model/index.js';
import { EVENT_COLUMN as C, type EventLog } from '../../store/index.js';

/** A tension as its events tell it (`Tension*`): read from the log, never from governance's tables. */
export interface TensionFacts {
  id: string;
  title: string;
  type: string;
  cells: string[];
  severity: string;
  detector?: string;
  /** When the gap was first seen, and when it was raised: the difference is the time it took to surface. */
  observedAtMs: number;
  raisedAtMs: number;
  state: 'open' | 'scheduled' | 'decided' | 'resolved' | 'dropped';
  decidedAtMs?: number;
  closedAtMs?: number;
  escalations: number;
  reopened: number;
  /** Spans during which it waited for a decision (open or scheduled): [from, to or null while it still waits]. */
  awaiting: [number, number | null][];
}

/** A tension review as its events tell it (`Review*`). */
export interface ReviewFacts {
  id: string;
  cell?: string;
  closedAtMs?: number;
  items: number;
  decided: number;
  /** The review closed with items on its agenda and none decided. */
  noDecision: boolean;
}

export interface GovernanceHistory {
  tensions: TensionFacts[];
  reviews: ReviewFacts[];
}

/**
 * Replays governance's facts from the log, up to `toMs`: each tension's lifecycle (raised, scheduled, decided,
 * escalated, resolved, dropped, reopened) and each review's outcome. Insights read these events, not governance
 * code, so the two modules stay independent; an event whose data does not match the catalogue is left out.
 */
export async function readGovernanceHistory(
  events: Pick<EventLog, 'scanColumns'>,
  options: { toMs?: number } = {},
): Promise<GovernanceHistory> {
  const tensions = new Map<string, TensionFacts>();
  const reviews = new Map<string, ReviewFacts>();
  const scan = events.scanColumns({
    types: [`${TENSION_EVENT_PREFIX}*`, `${REVIEW_EVENT_PREFIX}*`],
    whole: true,
    ...(options.toMs !== undefined ? { toMs: options.toMs } : {}),
  });
  for await (const batch of scan) {
    for (const row of batch) {
      const id = row[C.subject];
      if (!id) continue;
      const json = row[C.data];
      const parsed = parseCelloEvent({ type: row[C.type], data: json ? JSON.parse(json) : undefined });
      if (!parsed.ok) continue;
      const t = row[C.timeMs];
      if (parsed.type.startsWith(REVIEW_EVENT_PREFIX)) applyReview(reviews, id, parsed, t);
      else applyTension(tensions, id, parsed, t);
    }
  }
  return { tensions: [...tensions.values()], reviews: [...reviews.values()] };
}

function applyTension(tensions: Map<string, TensionFacts>, id: string, event: CelloEvent, t: number): void {
  if (event.type === TensionRaised) {
    const { data } = event;
    const observed = Date.parse(data.observedAt);
    tensions.set(id, {
      id,
      title: data.title,
      type: data.type,
      cells: data.cells.map((c) => c.replace(/^cell:/, '')),
      severity: data.severity,
      ...(data.detector ? { detector: data.detector } : {}),
      observedAtMs: Number.isNaN(observed) ? t : Math.min(observed, t),
      raisedAtMs: t,
      state: 'open',
      escalations: 0,
      reopened: 0,
      awaiting: [[t, null]],
    });
    return;
  }
  const tension = tensions.get(id);
  if (!tension) return;
  const stopWaiting = () => {
    const span = tension.awaiting[tension.awaiting.length - 1];
    if (span && span[1] === null) span[1] = t;
  };
  switch (event.type) {
    case TensionScheduled:
      if (tension.state === 'open') tension.state = 'scheduled';
      break;
    case TensionUnscheduled:
      if (tension.state === 'scheduled') tension.state = 'open';
      break;
    case TensionDecided:
      // An escalation is decided but goes on waiting, elsewhere.
      if (event.data.outcome === 'escalate') break;
      tension.state = 'decided';
      tension.decidedAtMs = t;
      stopWaiting();
      break;
    case TensionEscalated:
      tension.escalations++;
      break;
    case TensionResolved:
    case TensionDropped:
      tension.state = event.type === TensionResolved ? 'resolved' : 'dropped';
      tension.closedAtMs = t;
      stopWaiting();
      break;
    case TensionReopened:
      stopWaiting();
      tension.state = 'open';
      tension.reopened++;
      delete tension.closedAtMs;
      delete tension.decidedAtMs;
      tension.awaiting.push([t, null]);
      break;
  }
}

function applyReview(reviews: Map<string, ReviewFacts>, id: string, event: CelloEvent, t: number): void {
  let review = reviews.get(id);
  if (!review) reviews.set(id, (review = { id, items: 0, decided: 0, noDecision: false }));
  if (event.type === ReviewPlanned) review.cell = event.data.cell.replace(/^cell:/, '');
  if (event.type === ReviewClosed) {
    review.closedAtMs = t;
    review.items = event.data.items;
    review.decided = event.data.decided;
    review.noDecision = event.data.noDecision || (review.items > 0 && review.decided === 0);
  }
}
