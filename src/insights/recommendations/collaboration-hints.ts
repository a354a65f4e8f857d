import type { ManifestOf, RecommendationCandidate } from '../../model/index.js';
import { parseDuration } from '../../shared/index.js';

const DAY = 86_400_000;

/**
 * Collaboration agreements past their duration (`since` + `duration` before now): collaboration is meant to be
 * temporary, so the provider is asked to consider x-as-a-service. Confidence: 0.9 once the agreement has run
 * past its end by as long again as it was meant to last, else 0.7; the sample is the events of the offer's types
 * in the last `usageWindow` (steady use is what a service interface is for).
 */
export function collaborationHints(
  agreements: readonly ManifestOf<'Agreement'>[],
  now: Date,
  usage: (agreement: ManifestOf<'Agreement'>) => { events: number; types: string[] },
  usageWindow: string,
): RecommendationCandidate[] {
  const out: RecommendationCandidate[] = [];
  for (const agreement of agreements) {
    const { mode, since, duration, provider, consumer } = agreement.spec;
    if (mode !== 'collaboration' || !since || !duration) continue;
    const startMs = Date.parse(`${since}T00:00:00Z`);
    const lengthMs = parseDuration(duration);
    const endMs = startMs + lengthMs;
    if (!Number.isFinite(endMs) || endMs >= now.getTime()) continue;
    const name = agreement.metadata.name;
    const cell = provider.replace(/^cell:/, '');
    const daysPast = Math.floor((now.getTime() - endMs) / DAY);
    const endDate = new Date(endMs).toISOString().slice(0, 10);
    const used = usage(agreement);
    out.push({
      kind: 'collaboration-past-duration',
      key: `collaboration:${name}`,
      cell,
      title: `Collaboration ${name} ended on ${endDate}: consider x-as-a-service`,
      summary:
        `${name} (${provider} with ${consumer}) started ${since} for ${duration} and has run ${daysPast} day(s) past its end. ` +
        `${used.events} event(s) of the offer's types (${used.types.join(', ') || 'none'}) flowed in the last ${usageWindow}: ` +
        (used.events > 0
          ? 'steady use that a service interface could carry without joint work.'
          : 'little use; the collaboration may simply be over.'),
      move: `Move ${name} to x-as-a-service: ${cell} offers it with stated limits and ${consumer.replace(/^cell:/, '')} self-serves; or facilitating, or a new since and duration if the joint work must go on.`,
      metric: `hours per week both cells spend on joint work for ${name}`,
      evidence: [
        { kind: 'agreement', ref: name, note: `collaboration since ${since} for ${duration}, ended ${endDate}` },
        { kind: 'insight', ref: `usage:${name}`, note: `${used.events} event(s) in the last ${usageWindow}` },
      ],
      facts: {
        agreement: name,
        provider,
        consumer,
        since,
        duration,
        endedOn: endDate,
        daysPast,
        eventsInWindow: used.events,
        types: used.types,
      },
      impact: {
        metric: `joint work for ${name}`,
        current: null,
        expected: null,
        change: null,
        text: `Frees the time ${provider} and ${consumer} spend collaborating, while ${consumer} keeps what it needs through the offer.`,
      },
      confidence: now.getTime() - endMs >= lengthMs ? 0.9 : 0.7,
      sampleSize: used.events,
    });
  }
  return out;
}
