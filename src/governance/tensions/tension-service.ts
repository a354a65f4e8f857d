import {
  celloEvent,
  describePrincipal,
  principalCell,
  TensionAdvised,
  TensionCommented,
  TensionReopened,
  TensionResolved,
  TensionUpdated,
} from '../../model/index.js';
import { ConflictError, InputError, NotAllowedError, newId } from '../../shared/index.js';
import { assertBelongs, assertCanRate, holdsRight } from '../access-checks.js';
import type { GovernanceContext } from '../governance-context.js';
import { checkRaise, type DetectedInput, type RaiseInput } from './raise-input.js';
import { recordDetected, resolveDetectedIn, type DetectedResult } from './detected-tension.js';
import { insertTension } from './insert-tension.js';
import { priorityOf } from './rank-tensions.js';
import { resolveReviewCell } from '../reviews/review-cell.js';
import type { Route } from './route-tension.js';
import { scoreTension, validateRatings } from './score-tension.js';
import { assertTransition } from './tension-states.js';
import type { Tension, TensionNote, TensionState, Principal, TensionDetail } from '../../model/index.js';
import type { TensionFilter } from './tension-repository.js';

export type { TensionDetail } from '../../model/index.js';
export type { DetectedResult } from './detected-tension.js';

export function createTensionService(ctx: GovernanceContext) {
  const view = (tension: Tension) => {
    const score = scoreTension(tension.ratings, ctx.criteria());
    return { tension, route: ctx.route(tension.type), score, priority: priorityOf(tension, score, ctx.now()) };
  };

  return {
    view,

    /** A person raises a tension: any cell token, for any cells of the organization; the admin too. */
    async raise(principal: Principal, input: RaiseInput): Promise<TensionDetail> {
      if (principal.kind === 'system')
        throw new NotAllowedError('Cello raises tensions through raiseDetected, with a detector and subject.', {
          rule: 'raise',
        });
      const now = ctx.now();
      const model = ctx.model();
      const checked = checkRaise(input, {
        now,
        tensionTypes: ctx.tensionTypes(),
        cells: new Set(model.cells.keys()),
        strictType: true,
      });
      const ratings = input.ratings ? validateRatings(input.ratings, ctx.criteria()) : {};
      const raiserCell = principalCell(principal);
      const stamp = now.toISOString();
      const tension = await ctx.record(async (repos) => {
        const { tension, events } = await insertTension(ctx, repos, {
          ...checked,
          state: 'open',
          raisedAt: stamp,
          updatedAt: stamp,
          raisedBy: describePrincipal(principal),
          ...(raiserCell ? { raiserCell } : {}),
          origin: 'person',
          occurrences: 1,
          lastOccurredAt: stamp,
          ratings,
          ...(input.ratings ? { ratedBy: describePrincipal(principal) } : {}),
          reopened: 0,
          escalations: 0,
        });
        return { result: tension, events };
      });
      return this.show(tension.id);
    },

    /**
     * A detector reports a gap. The same detector and subject always lands on one tension: a new one the first
     * time; later reports count an occurrence and add evidence; a resolved one is reopened; a dropped one only counts.
     * `count: false` raises when new and leaves an existing tension alone (start-up sweeps).
     */
    raiseDetected: (input: DetectedInput, options: { count?: boolean } = {}): Promise<DetectedResult> =>
      ctx.record((repos) => recordDetected(ctx, repos, input, options)),

    /** A detector's finding went away: its tension, while still waiting for a decision, is resolved by Cello. */
    resolveDetected: (detector: string, subject: string, reason: string): Promise<Tension | undefined> =>
      ctx.record((repos) => resolveDetectedIn(ctx, repos, detector, subject, reason)),

    async list(filter: TensionFilter = {}) {
      return (await ctx.read().tensions.list(filter)).map(view);
    },

    async show(id: string): Promise<TensionDetail> {
      const repos = ctx.read();
      const tension = await repos.tensions.get(id);
      const [notes, proposals, decisions] = await Promise.all([
        repos.tensions.notes(tension.id),
        repos.records.proposals({ tensionId: tension.id }),
        repos.records.decisions({ tensionId: tension.id }),
      ]);
      return { ...view(tension), notes, proposals, decisions };
    },

    /** Comments: the cells that belong to the tension (involved, raiser, decider, advisors). */
    async comment(principal: Principal, id: string, body: string): Promise<TensionNote> {
      return addNote(principal, id, body, 'comment');
    },

    /** Advice: from an advisor cell of the tension's decision right (or an involved cell when it names none). */
    async advise(principal: Principal, id: string, body: string): Promise<TensionNote> {
      return addNote(principal, id, body, 'advice');
    },

    /** Rates criteria 0–5: the raiser's cell, a facilitator of the review cell, or the admin. */
    async rate(principal: Principal, id: string, ratings: Record<string, number>): Promise<TensionDetail> {
      const checked = validateRatings(ratings, ctx.criteria());
      const tension = await ctx.read().tensions.get(id);
      assertCanRate(
        ctx.model(),
        principal,
        tension,
        resolveReviewCell(ctx.model(), undefined, ctx.options.reviewCell, false),
      );
      await ctx.record(async (repos) => {
        const current = await repos.tensions.get(tension.id, { lock: true });
        const merged = { ...current.ratings, ...checked };
        const by = describePrincipal(principal);
        await repos.tensions.update(current.id, { ratings: merged, ratedBy: by, updatedAt: ctx.now().toISOString() });
        const score = scoreTension(merged, ctx.criteria());
        return {
          result: undefined,
          events: [
            celloEvent(TensionUpdated, {
              subject: current.id,
              time: ctx.now(),
              data: {
                tension: current.id,
                change: 'rated',
                by,
                ratings: merged,
                score: score.total,
                explanation: score.explanation,
              },
            }),
          ],
        };
      });
      return this.show(tension.id);
    },

    /** Resolve (the gap is closed: raiser's cell or the decider) or reopen (any cell that belongs to it). */
    async changeState(principal: Principal, id: string, to: TensionState, reason: string): Promise<TensionDetail> {
      const tension = await ctx.read().tensions.get(id);
      assertTransition(tension.id, tension.state, to);
      if (to !== 'resolved' && to !== 'open') {
        const how = {
          scheduled: 'planning a review puts it on the agenda',
          decided: 'a decision by its decider does',
          dropped: 'a decision with the drop outcome does',
        }[to];
        throw new ConflictError(
          `Tension ${tension.id} does not become ${to} by a state change: ${how}. A state change resolves or reopens.`,
          { tension: tension.id, to },
        );
      }
      if (!reason?.trim())
        throw new InputError(`Say why the tension is ${to === 'open' ? 'reopened' : 'resolved'} (reason).`, {
          field: 'reason',
        });
      const route = ctx.route(tension.type);
      if (to === 'resolved') {
        const decider = route.routed && holdsRight(ctx.model(), principal, route);
        if (!decider && !(principal.kind === 'cell' && principal.cell === tension.raiserCell)) {
          throw new NotAllowedError(
            `Only the cell that raised tension ${tension.id} (${tension.raiserCell ? `cell:${tension.raiserCell}` : 'Cello'})${route.routed ? ` or ${route.who}` : ''} may resolve it; ${describePrincipal(principal)} may not.`,
            { rule: 'resolve' },
          );
        }
      } else {
        assertBelongs(principal, tension, route.routed ? route : undefined, `reopen it`);
      }
      await ctx.record(async (repos) => {
        const now = ctx.now();
        const by = describePrincipal(principal);
        const current = await repos.tensions.get(tension.id, { lock: true });
        assertTransition(current.id, current.state, to);
        if (to === 'resolved') {
          await repos.tensions.update(tension.id, {
            state: 'resolved',
            resolvedAt: now.toISOString(),
            closedReason: reason,
            updatedAt: now.toISOString(),
            reviewId: null,
          });
          return {
            result: undefined,
            events: [
              celloEvent(TensionResolved, {
                subject: tension.id,
                time: now,
                data: { tension: tension.id, by, reason },
              }),
            ],
          };
        }
        await repos.tensions.update(tension.id, {
          state: 'open',
          reopened: current.reopened + 1,
          resolvedAt: null,
          decidedAt: null,
          closedReason: null,
          updatedAt: now.toISOString(),
        });
        return {
          result: undefined,
          events: [
            celloEvent(TensionReopened, {
              subject: tension.id,
              time: now,
              data: {
                tension: tension.id,
                by,
                reason,
                reopened: current.reopened + 1,
              },
            }),
          ],
        };
      });
      return this.show(tension.id);
    },
  };

  async function addNote(
    principal: Principal,
    id: string,
    body: string,
    kind: 'comment' | 'advice',
  ): Promise<TensionNote> {
    const text = (body ?? '').trim();
    if (!text || text.length > 4000)
      throw new InputError(`A ${kind} needs 1 to 4000 characters of text.`, { field: 'body' });
    const tension = await ctx.read().tensions.get(id);
    const route = ctx.route(tension.type);
    if (kind === 'advice') {
      const advisors = route.routed ? advisorsOf(tension, route) : tension.cells;
      if (principal.kind !== 'cell' || !advisors.includes(principal.cell)) {
        throw new NotAllowedError(
          `Only the advisors of tension ${tension.id} (${advisors.map((c) => `cell:${c}`).join(', ')}) may give advice on it; ${describePrincipal(principal)} may not.`,
          { rule: 'advice' },
        );
      }
    } else {
      assertBelongs(principal, tension, route.routed ? route : undefined, 'comment on it');
    }
    return ctx.record(async (repos) => {
      const now = ctx.now();
      const note: TensionNote = {
        id: newId(),
        tensionId: tension.id,
        kind,
        author: describePrincipal(principal),
        ...(principal.kind === 'cell' ? { authorCell: principal.cell } : {}),
        body: text,
        createdAt: now.toISOString(),
      };
      await repos.tensions.addNote(note);
      const type = kind === 'advice' ? TensionAdvised : TensionCommented;
      return {
        result: note,
        events: [
          celloEvent(type, {
            subject: tension.id,
            time: now,
            data: { tension: tension.id, note: note.id, by: note.author, body: text },
          }),
        ],
      };
    });
  }
}

export type TensionService = ReturnType<typeof createTensionService>;

/** The cells asked for advice: the right's advisors, or the involved cells other than the decider's. */
export function advisorsOf(tension: Pick<Tension, 'cells'>, route: Extract<Route, { routed: true }>): string[] {
  return route.advisors.length > 0 ? route.advisors : tension.cells.filter((c) => c !== route.deciderCell);
}
