import type { Runtime } from '../../engine/index.js';
import {
  describePrincipal,
  RecommendationAccepted,
  RecommendationDismissed,
  RecommendationMade,
  RecommendationUpdated,
  RecommendationWithdrawn,
} from '../../model/index.js';
import { ConflictError, InputError, NotAllowedError } from '../../shared/index.js';
import type { ExperimentSink } from '../ports/experiment-sink.js';
import { acceptanceStats, type AcceptanceStats } from './acceptance-stats.js';
import type {
  AcceptInput,
  AcceptResult,
  EventData,
  Principal,
  Recommendation,
  RecommendationCandidate,
  RefreshResult,
} from '../../model/index.js';
import { recommendationEvent } from './recommendation-events.js';
import { recommendationRepository, type RecommendationFilter } from './recommendation-repository.js';

/** What accepting may change: the experiment's move, metric and review date (the recommendation's by default). */
export type { AcceptInput, AcceptResult, RefreshResult } from '../../model/index.js';

export interface RecommendationServiceDeps {
  runtime: Pick<Runtime, 'publisher' | 'store' | 'clock'>;
  experiments?: ExperimentSink;
  /** The current findings (bottlenecks, collaborations, template variants), computed from the log. */
  candidates(now: Date): Promise<RecommendationCandidate[]>;
}

/** A confidence move at least this large (or a new title) is recorded as an `updated` event; smaller ones refresh the row only. */
const NOTABLE_CONFIDENCE_CHANGE = 0.05;

/**
 * Recommendations: refreshed from the log, addressed to the owning cell, accepted (→ an experiment) or dismissed
 * with a reason by that cell only. Every change commits with its event (the catalogue's `Recommendation*` types).
 */
export function createRecommendationService(deps: RecommendationServiceDeps) {
  const { runtime } = deps;
  const read = () => recommendationRepository(runtime.store.db);

  function assertOwner(principal: Principal, recommendation: Recommendation, action: string): void {
    if (principal.kind === 'cell' && principal.cell === recommendation.cell) return;
    throw new NotAllowedError(
      `Only cell:${recommendation.cell}, to which recommendation ${recommendation.id} is addressed, may ${action} it; ${describePrincipal(principal)} may not. Insights suggest; the owning cell decides.`,
      { rule: 'recommendation-owner', cell: `cell:${recommendation.cell}` },
    );
  }

  function assertOpen(recommendation: Recommendation): void {
    if (recommendation.state !== 'open') {
      throw new ConflictError(
        `Recommendation ${recommendation.id} is ${recommendation.state}; only open recommendations are accepted or dismissed.`,
        {
          recommendation: recommendation.id,
          state: recommendation.state,
        },
      );
    }
  }

  return {
    list: (filter: RecommendationFilter = {}) => read().list(filter),
    get: (id: string) => read().get(id),

    async stats(): Promise<AcceptanceStats> {
      return acceptanceStats(await read().list());
    },

    /**
     * Recomputes the findings: a new one is made; an open one gets fresh figures; one that reappears after being
     * withdrawn is made again; an open one whose evidence is gone is withdrawn. Accepted and dismissed stay as they are.
     */
    async refresh(): Promise<RefreshResult> {
      const now = runtime.clock.now();
      const candidates = await deps.candidates(now);
      const stamp = now.toISOString();
      return runtime.publisher.record(async (tx) => {
        const repo = recommendationRepository(tx.db);
        const existing = new Map((await repo.list()).map((r) => [r.key, r]));
        const seen = new Set<string>();
        const events = [];
        const result: RefreshResult = { made: 0, updated: 0, withdrawn: 0 };
        let next = await repo.nextNumber();
        for (const candidate of candidates) {
          if (seen.has(candidate.key)) continue;
          seen.add(candidate.key);
          const current = existing.get(candidate.key);
          if (!current) {
            const made: Recommendation = {
              ...candidate,
              id: `R-${next}`,
              number: next++,
              state: 'open',
              createdAt: stamp,
              updatedAt: stamp,
            };
            await repo.insert(made);
            events.push(recommendationEvent(RecommendationMade, made, now, madeData(made)));
            result.made++;
          } else if (current.state === 'withdrawn') {
            const { reason: _reason, decidedAt: _at, decidedBy: _by, ...rest } = current;
            const again: Recommendation = { ...rest, ...candidate, state: 'open', updatedAt: stamp };
            await repo.update(again);
            events.push(recommendationEvent(RecommendationMade, again, now, { ...madeData(again), again: true }));
            result.made++;
          } else if (current.state === 'open') {
            const fresh: Recommendation = { ...current, ...candidate, updatedAt: stamp };
            await repo.update(fresh);
            if (
              fresh.title !== current.title ||
              Math.abs(fresh.confidence - current.confidence) >= NOTABLE_CONFIDENCE_CHANGE
            ) {
              events.push(
                recommendationEvent(RecommendationUpdated, fresh, now, {
                  title: fresh.title,
                  confidence: fresh.confidence,
                  sampleSize: fresh.sampleSize,
                  impact: fresh.impact,
                }),
              );
              result.updated++;
            }
          }
        }
        for (const current of existing.values()) {
          if (current.state !== 'open' || seen.has(current.key)) continue;
          const reason = `the evidence was no longer there on ${stamp}`;
          await repo.update({ ...current, state: 'withdrawn', reason, updatedAt: stamp });
          events.push(recommendationEvent(RecommendationWithdrawn, current, now, { reason }));
          result.withdrawn++;
        }
        return { result, events };
      });
    },

    /** The owning cell accepts: an experiment starts (through the sink), then the acceptance is recorded with its id. */
    async accept(principal: Principal, id: string, input: AcceptInput = {}): Promise<AcceptResult> {
      const recommendation = await read().get(id);
      assertOwner(principal, recommendation, 'accept');
      assertOpen(recommendation);
      const move = input.move?.trim() || recommendation.move;
      const metric = input.metric?.trim() || recommendation.metric;
      const by = describePrincipal(principal);
      const started = deps.experiments
        ? await deps.experiments.startExperiment({
            recommendation: recommendation.id,
            cell: recommendation.cell,
            title: recommendation.title,
            move,
            metric,
            ...(input.reviewDate ? { reviewDate: input.reviewDate } : {}),
            evidence: [
              {
                kind: 'insight',
                ref: `recommendation:${recommendation.id}`,
                note: recommendation.summary.slice(0, 500),
              },
              ...recommendation.evidence,
            ],
            acceptedBy: by,
          })
        : undefined;
      const now = runtime.clock.now();
      const accepted = await runtime.publisher.record(async (tx) => {
        const repo = recommendationRepository(tx.db);
        const current = await repo.get(id);
        assertOpen(current);
        const next: Recommendation = {
          ...current,
          state: 'accepted',
          decidedAt: now.toISOString(),
          decidedBy: by,
          updatedAt: now.toISOString(),
          ...(started ? { experiment: started.experiment } : {}),
        };
        await repo.update(next);
        const data = {
          by,
          move,
          metric,
          experiment: started?.experiment ?? null,
          ...(started?.tension ? { tension: started.tension } : {}),
        };
        return { result: next, events: [recommendationEvent(RecommendationAccepted, next, now, data)] };
      });
      return {
        recommendation: accepted,
        experiment: started?.experiment ?? null,
        ...(started?.tension ? { tension: started.tension } : {}),
      };
    },

    /** The owning cell dismisses, saying why: the reason is kept and counts against the acceptance rate. */
    async dismiss(principal: Principal, id: string, reason: string): Promise<Recommendation> {
      const text = (reason ?? '').trim();
      if (!text || text.length > 2000)
        throw new InputError('Say why the recommendation is dismissed: a reason of 1 to 2000 characters.', {
          field: 'reason',
        });
      const recommendation = await read().get(id);
      assertOwner(principal, recommendation, 'dismiss');
      assertOpen(recommendation);
      const by = describePrincipal(principal);
      const now = runtime.clock.now();
      return runtime.publisher.record(async (tx) => {
        const repo = recommendationRepository(tx.db);
        const current = await repo.get(id);
        assertOpen(current);
        const next: Recommendation = {
          ...current,
          state: 'dismissed',
          reason: text,
          decidedAt: now.toISOString(),
          decidedBy: by,
          updatedAt: now.toISOString(),
        };
        await repo.update(next);
        return {
          result: next,
          events: [recommendationEvent(RecommendationDismissed, next, now, { by, reason: text })],
        };
      });
    },
  };
}

function madeData(r: Recommendation): Omit<EventData<typeof RecommendationMade>, 'recommendation' | 'cell'> {
  return {
    kind: r.kind,
    title: r.title,
    summary: r.summary,
    move: r.move,
    metric: r.metric,
    impact: r.impact,
    confidence: r.confidence,
    sampleSize: r.sampleSize,
    evidence: r.evidence,
  };
}

export type RecommendationService = ReturnType<typeof createRecommendationService>;
