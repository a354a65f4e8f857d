import { EVENT_COLUMN as C, type EventLog } from '../../store/index.js';

/** A tension as its events tell it (`dev.cello.tension.*`): read from the log, never from governance's tables. */
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

/** A tension review as its events tell it (`dev.cello.review.*`). */
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

const TENSION = 'dev.cello.tension.';
const REVIEW = 'dev.cello.review.';

type Data = Record<string, unknown>;
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * Replays governance's facts from the log, up to `toMs`: each tension's lifecycle (raised, scheduled, decided,
 * escalated, resolved, dropped, reopened) and each review's outcome. Insights read these events, not governance
 * code, so the two modules stay independent.
 */
export async function readGovernanceHistory(
  events: Pick<EventLog, 'scanColumns'>,
  options: { toMs?: number } = {},
): Promise<GovernanceHistory> {
  const tensions = new Map<string, TensionFacts>();
  const reviews = new Map<string, ReviewFacts>();
  const scan = events.scanColumns({
    types: [`${TENSION}*`, `${REVIEW}*`],
    whole: true,
    ...(options.toMs !== undefined ? { toMs: options.toMs } : {}),
  });
  for await (const batch of scan) {
    for (const row of batch) {
      const id = row[C.subject];
      if (!id) continue;
      const json = row[C.data];
      const data = (json ? JSON.parse(json) : {}) as Data;
      const t = row[C.timeMs];
      const type = row[C.type];
      if (type.startsWith(REVIEW)) applyReview(reviews, id, type.slice(REVIEW.length), data, t);
      else applyTension(tensions, id, type.slice(TENSION.length), data, t);
    }
  }
  return { tensions: [...tensions.values()], reviews: [...reviews.values()] };
}

function applyTension(tensions: Map<string, TensionFacts>, id: string, what: string, data: Data, t: number): void {
  if (what === 'raised') {
    const observed = Date.parse(text(data.observedAt) ?? '');
    tensions.set(id, {
      id,
      title: text(data.title) ?? id,
      type: text(data.type) ?? 'unknown',
      cells: Array.isArray(data.cells)
        ? data.cells.filter((c): c is string => typeof c === 'string').map((c) => c.replace(/^cell:/, ''))
        : [],
      severity: text(data.severity) ?? 'medium',
      ...(text(data.detector) ? { detector: text(data.detector)! } : {}),
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
  switch (what) {
    case 'scheduled':
      if (tension.state === 'open') tension.state = 'scheduled';
      break;
    case 'unscheduled':
      if (tension.state === 'scheduled') tension.state = 'open';
      break;
    case 'decided':
      // An escalation is decided but goes on waiting, elsewhere.
      if (data.outcome === 'escalate') break;
      tension.state = 'decided';
      tension.decidedAtMs = t;
      stopWaiting();
      break;
    case 'escalated':
      tension.escalations++;
      break;
    case 'resolved':
    case 'dropped':
      tension.state = what;
      tension.closedAtMs = t;
      stopWaiting();
      break;
    case 'reopened':
      stopWaiting();
      tension.state = 'open';
      tension.reopened++;
      delete tension.closedAtMs;
      delete tension.decidedAtMs;
      tension.awaiting.push([t, null]);
      break;
  }
}

function applyReview(reviews: Map<string, ReviewFacts>, id: string, what: string, data: Data, t: number): void {
  let review = reviews.get(id);
  if (!review) reviews.set(id, (review = { id, items: 0, decided: 0, noDecision: false }));
  if (what === 'planned' && text(data.cell)) review.cell = text(data.cell)!.replace(/^cell:/, '');
  if (what === 'closed') {
    review.closedAtMs = t;
    review.items = typeof data.items === 'number' ? data.items : 0;
    review.decided = typeof data.decided === 'number' ? data.decided : 0;
    review.noDecision = data.noDecision === true || (review.items > 0 && review.decided === 0);
  }
}
