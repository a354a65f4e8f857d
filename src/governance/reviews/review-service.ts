import {
  celloEvent,
  describePrincipal,
  ReviewClosed,
  ReviewPlanned,
  ReviewReordered,
  ReviewStarted,
  TensionScheduled,
  TensionUnscheduled,
} from '../../model/index.js';
import { ConflictError, InputError } from '../../shared/index.js';
import { assertFacilitator } from '../access-checks.js';
import { findAgendaItem } from './agenda-item-ref.js';
import { buildAgenda, reorderAgenda, type AgendaCandidate } from './build-agenda.js';
import type { DecideResult, DecisionService } from '../decisions/decision-service.js';
import { evidencePacket } from './evidence-packet.js';
import type { GovernanceContext, GovernanceRepos, PendingWrite } from '../governance-context.js';
import { nextNumber } from '../../store/index.js';
import { renderMinutes } from './render-minutes.js';
import type { OutcomeInput } from '../decisions/outcome-input.js';
import { priorityOf } from '../tensions/rank-tensions.js';
import type { Review, CloudEvent, Principal, Tension } from '../../model/index.js';
import { resolveReviewCell } from './review-cell.js';
import { nextReviewAt } from './review-cadence.js';
import { scoreTension } from '../tensions/score-tension.js';
import { sweepDueReviews } from './sweep-due-reviews.js';
import type { TensionService } from '../tensions/tension-service.js';

/** Planning, running and closing tension reviews. */
export function createReviewService(ctx: GovernanceContext, tensions: TensionService, decisions: DecisionService) {
  async function candidates(
    repos: GovernanceRepos,
    scope: string[] | undefined,
    reviewId: string | undefined,
  ): Promise<AgendaCandidate[]> {
    const model = ctx.model();
    const now = ctx.now();
    const waiting = await repos.tensions.list({ states: ['open', 'scheduled'], limit: 10_000 });
    const inScope = (t: Tension) => {
      if (t.state === 'scheduled' && t.reviewId !== reviewId) return false;
      if (!scope) return true;
      const route = ctx.route(t.type);
      return t.cells.some((c) => scope.includes(c)) || (route.routed && scope.includes(route.deciderCell));
    };
    const chosen = waiting.filter(inScope);
    const ids = chosen.map((t) => t.id);
    const [notes, made] = await Promise.all([
      repos.tensions.notesOf(ids),
      repos.records.decisions({ tensionIds: ids }),
    ]);
    return chosen.map((tension) => {
      const score = scoreTension(tension.ratings, ctx.criteria());
      const decisions = made.filter((d) => d.tensionId === tension.id);
      return {
        tension,
        score,
        priority: priorityOf(tension, score, now),
        route: ctx.route(tension.type),
        evidence: evidencePacket(model, tension, notes.get(tension.id) ?? [], decisions),
      };
    });
  }

  async function target(id: string | undefined): Promise<Review> {
    if (id === 'last') {
      // The most recently closed review: what `cello review minutes` means right after `cello review close`.
      const closed = await ctx.read().reviews.list({ states: ['closed'] });
      const last = closed[closed.length - 1];
      if (!last)
        throw new ConflictError(
          'No review has been closed yet; minutes exist once a review is closed (`cello review close`).',
          { rule: 'no-review' },
        );
      return last;
    }
    if (id) return ctx.read().reviews.get(id);
    const current = await ctx.read().reviews.current();
    if (!current)
      throw new ConflictError('No review is planned; plan one with `cello review plan`.', { rule: 'no-review' });
    return current;
  }

  return {
    /**
     * Generates the agenda of the next review (or refreshes the planned one): first raises what is due for review
     * (agreements, experiments, decisions), then ranks every waiting tension in scope. Facilitator or admin.
     */
    async plan(principal: Principal, request: { cell?: string; cells?: string[] } = {}): Promise<Review> {
      const model = ctx.model();
      const existing = await ctx.read().reviews.current();
      if (existing?.state === 'running')
        throw new ConflictError(
          `Review ${existing.id} is running; close it (\`cello review close\`) before planning the next one.`,
          { review: existing.id },
        );
      if (existing && request.cell && request.cell.replace(/^cell:/, '') !== existing.cell) {
        throw new ConflictError(
          `Review ${existing.id} is already planned, held by cell:${existing.cell}; run or close it before planning one for ${request.cell}.`,
          { review: existing.id },
        );
      }
      const latest = existing ?? (await ctx.read().reviews.latest());
      const cell =
        existing?.cell ?? resolveReviewCell(model, request.cell, ctx.options.reviewCell ?? latest?.cell, true);
      if (principal.kind !== 'system') assertFacilitator(model, principal, cell, 'plan the tension review');
      const scope = existing
        ? existing.scope
        : request.cells?.length
          ? request.cells.map((c) => c.replace(/^cell:/, '')).sort()
          : undefined;
      const unknown = (scope ?? []).filter((c) => !model.cells.has(c));
      if (unknown.length > 0)
        throw new InputError(
          `${unknown.map((c) => `cell:${c}`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not in the organization; a review covers known cells.`,
          { field: 'cells' },
        );
      await sweepDueReviews(ctx, tensions);
      return ctx.record(async (repos) => {
        const now = ctx.now();
        const by = describePrincipal(principal);
        const previous = existing ? await repos.reviews.get(existing.id, { lock: true }) : undefined;
        const agenda = buildAgenda(await candidates(repos, scope, previous?.id), previous);
        let review: Review;
        if (previous) {
          review = { ...previous, agenda, items: agenda.length, plannedAt: now.toISOString(), plannedBy: by };
          await repos.reviews.update(review);
        } else {
          const number = await nextNumber(repos.db, 'reviews');
          const org = ctx.organization();
          review = {
            id: `R-${number}`,
            number,
            cell,
            ...(scope ? { scope } : {}),
            state: 'planned',
            scheduledFor: (org ? nextReviewAt(org.spec.review, now) : now).toISOString(),
            plannedAt: now.toISOString(),
            plannedBy: by,
            agenda,
            reordered: false,
            items: agenda.length,
            decided: 0,
            noDecision: false,
          };
          await repos.reviews.insert(review);
        }
        const events: CloudEvent[] = [
          celloEvent(ReviewPlanned, {
            subject: review.id,
            time: now,
            data: {
              review: review.id,
              cell: `cell:${cell}`,
              scheduledFor: review.scheduledFor,
              plannedBy: by,
              items: agenda.map((i) => ({ tension: i.tensionId, kind: i.kind, priority: i.priority.total })),
            },
          }),
        ];
        const onAgenda = new Set(agenda.map((i) => i.tensionId));
        const fresh = agenda.filter((i) => i.tensionState === 'open').map((i) => i.tensionId);
        await repos.tensions.schedule(fresh, review.id, now.toISOString());
        for (const id of fresh)
          events.push(
            celloEvent(TensionScheduled, {
              subject: id,
              time: now,
              data: {
                tension: id,
                review: review.id,
                scheduledFor: review.scheduledFor,
              },
            }),
          );
        const left = (previous?.agenda ?? []).filter((i) => !onAgenda.has(i.tensionId)).map((i) => i.tensionId);
        events.push(...(await unschedule(repos, review.id, left, 'no longer waiting for a decision')));
        return { result: await repos.reviews.get(review.id), events };
      });
    },

    get: (id: string) => ctx.read().reviews.get(id),
    /** The planned or running review; a ConflictError when there is none. */
    requireCurrent: () => target(undefined),
    current: () => ctx.read().reviews.current(),
    list: () => ctx.read().reviews.list(),

    /** When the next review falls on the cadence. */
    next(): { at?: string; cadence?: string; timezone?: string } {
      const org = ctx.organization();
      if (!org) return {};
      return {
        at: nextReviewAt(org.spec.review, ctx.now()).toISOString(),
        cadence: org.spec.review.cadence,
        timezone: org.spec.review.timezone ?? 'UTC',
      };
    },

    /** The facilitator moves items (positions or tension ids) to the front, in the order given. */
    async reorder(principal: Principal, id: string | undefined, order: string[]): Promise<Review> {
      const review = await target(id);
      assertFacilitator(ctx.model(), principal, review.cell, `reorder the agenda of review ${review.id}`);
      if (review.state === 'closed')
        throw new ConflictError(`Review ${review.id} is closed; its agenda is part of the record.`, {
          review: review.id,
        });
      if (order.length === 0)
        throw new InputError('Name the items to take first, by position or tension id.', { field: 'order' });
      const ids = order.map((ref) => findAgendaItem(review, ref).item.tensionId);
      if (new Set(ids).size !== ids.length) throw new InputError('Name each agenda item once.', { field: 'order' });
      return ctx.record(async (repos) => {
        const agenda = reorderAgenda(review.agenda, ids);
        await repos.reviews.update({ ...review, agenda, reordered: true });
        const event = celloEvent(ReviewReordered, {
          subject: review.id,
          time: ctx.now(),
          data: {
            review: review.id,
            by: describePrincipal(principal),
            order: agenda.map((i) => i.tensionId),
          },
        });
        return { result: await repos.reviews.get(review.id), events: [event] };
      });
    },

    /** The facilitator opens the review: from now on its items are decided in it. */
    async start(principal: Principal, id?: string): Promise<Review> {
      const review = await target(id);
      assertFacilitator(ctx.model(), principal, review.cell, `start review ${review.id}`);
      if (review.state !== 'planned')
        throw new ConflictError(`Review ${review.id} is ${review.state}; only a planned review can start.`, {
          review: review.id,
        });
      return ctx.record(async (repos) => {
        const now = ctx.now();
        const by = describePrincipal(principal);
        await repos.reviews.update({ ...review, state: 'running', startedAt: now.toISOString(), startedBy: by });
        const event = celloEvent(ReviewStarted, {
          subject: review.id,
          time: now,
          data: {
            review: review.id,
            by,
            items: review.agenda.map((i) => i.tensionId),
          },
        });
        return { result: await repos.reviews.get(review.id), events: [event] };
      });
    },

    /** Decides an agenda item (by position or tension id) in the running review: only its right's decider. */
    async decide(
      principal: Principal,
      id: string | undefined,
      item: string,
      input: OutcomeInput,
    ): Promise<DecideResult> {
      const review = await target(id);
      const { item: found } = findAgendaItem(review, item);
      return decisions.decide(principal, found.tensionId, input, { reviewId: review.id });
    },

    /**
     * Closes the review: proposals made in it without objection are accepted (the meeting was their window), votes
     * are counted, undecided items go back to open for the next review, and the review is recorded with how many
     * items it decided, or as one that ended without a decision.
     */
    async close(principal: Principal, id?: string): Promise<Review> {
      const review = await target(id);
      assertFacilitator(ctx.model(), principal, review.cell, `close review ${review.id}`);
      if (review.state !== 'running')
        throw new ConflictError(
          `Review ${review.id} is ${review.state}; only a running review can close (start it first).`,
          { review: review.id },
        );
      const writes: PendingWrite[] = [];
      const closed = await ctx.record(async (repos) => {
        const now = ctx.now();
        const by = describePrincipal(principal);
        const events: CloudEvent[] = [];
        if ((await repos.reviews.get(review.id, { lock: true })).state !== 'running')
          throw new ConflictError(`Review ${review.id} was closed meanwhile.`, { review: review.id });
        for (const proposal of await repos.records.proposals({ reviewId: review.id, state: 'open' })) {
          const settled = await decisions.settle(repos, proposal, true);
          events.push(...settled.events);
          writes.push(...settled.writes);
        }
        const current = await repos.reviews.get(review.id);
        const made = await repos.records.decisions({ reviewId: review.id });
        const decided = new Set(made.map((d) => d.tensionId)).size;
        events.push(
          ...(await unschedule(repos, review.id, undefined, `review ${review.id} closed without deciding it`)),
        );
        const noDecision = current.agenda.length > 0 && decided === 0;
        await repos.reviews.update({
          ...current,
          state: 'closed',
          closedAt: now.toISOString(),
          closedBy: by,
          items: current.agenda.length,
          decided,
          noDecision,
        });
        events.push(
          celloEvent(ReviewClosed, {
            subject: review.id,
            time: now,
            data: {
              review: review.id,
              by,
              items: current.agenda.length,
              decided,
              undecided: current.agenda.length - decided,
              noDecision,
              decisions: made.map((d) => d.id),
            },
          }),
        );
        return { result: await repos.reviews.get(review.id), events };
      });
      await decisions.flush(writes);
      return closed;
    },

    /** The minutes as Markdown: agenda, decisions with who, method, criteria and rationale, diffs, what is left. */
    async minutes(id?: string): Promise<string> {
      const review = await target(id);
      const repos = ctx.read();
      const made = await repos.records.decisions({ reviewId: review.id });
      const proposals = await repos.records.proposals({ reviewId: review.id });
      return renderMinutes(review, made, proposals, ctx.organization()?.metadata.name);
    },
  };

  /** Takes tensions still scheduled in the review (all, or the ones named) back to open. */
  async function unschedule(
    repos: GovernanceRepos,
    reviewId: string,
    ids: string[] | undefined,
    reason: string,
  ): Promise<CloudEvent[]> {
    const now = ctx.now();
    const moved = await repos.tensions.unschedule(reviewId, ids, now.toISOString());
    return moved.map((id) =>
      celloEvent(TensionUnscheduled, { subject: id, time: now, data: { tension: id, review: reviewId, reason } }),
    );
  }
}

export type ReviewService = ReturnType<typeof createReviewService>;
