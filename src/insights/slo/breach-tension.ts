import { formatDuration } from '../../shared/index.js';
import type { DetectedTension } from '../ports/tension-sink.js';
import type { SloStatus } from './slo-status.js';

/** The detector name SLO breaches carry. */
export const SLO_DETECTOR = 'slo-breach';

/** The deduplication subject of an SLO: one tension per agreement and SLO. */
export function sloSubject(status: Pick<SloStatus, 'agreement' | 'slo'>): string {
  return `agreement:${status.agreement}#slo:${status.slo}`;
}

const percent = (share: number) => `${Number((share * 100).toFixed(1))}%`;

/** The tension a breached SLO raises: between provider and consumer, with the figures and the late requests as evidence. */
export function breachTension(status: SloStatus, tensionType: string): DetectedTension {
  const late =
    status.latency.medianMs === null ? '' : ` The median answer took ${formatDuration(status.latency.medianMs)}.`;
  return {
    detector: SLO_DETECTOR,
    subject: sloSubject(status),
    title: truncate(
      `SLO ${status.slo} of agreement ${status.agreement} is breached: ${percent(status.compliance ?? 0)} answered within ${status.within}, promised ${percent(status.objective)}`,
    ),
    description:
      `Over the last ${status.window}, ${status.met} of ${status.counted} ${status.request} were answered by ${status.response} within ${status.within} ` +
      `(${percent(status.compliance ?? 0)}); the agreement promises ${percent(status.objective)}.${late} ${status.missed} request(s) were late or unanswered.`,
    type: tensionType,
    cells: [...new Set([status.provider, status.consumer])],
    severity: (status.compliance ?? 0) < status.objective - 0.1 ? 'high' : 'medium',
    ...(status.firstMissAtMs !== null ? { observedAt: new Date(status.firstMissAtMs).toISOString() } : {}),
    evidence: [
      {
        kind: 'agreement',
        ref: status.agreement,
        note: `SLO ${status.slo}: ${status.met}/${status.counted} within ${status.within} over ${status.window}`,
      },
      ...status.missedSeqs.slice(0, 5).map((seq) => ({
        kind: 'event' as const,
        ref: String(seq),
        note: `${status.request} not answered within ${status.within}`,
      })),
    ],
  };
}

/** Governance takes titles of at most 200 characters. */
function truncate(text: string): string {
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}
