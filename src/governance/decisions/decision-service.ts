import {
  celloEvent,
  describePrincipal,
  ProposalAccepted,
  ProposalMade,
  ProposalObjected,
  ProposalRejected,
  ProposalVoted,
} from '../../model/index.js';
import { writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { ConflictError, InputError, NotAllowedError, errorMessage } from '../../shared/index.js';
import { assertBelongs, assertDecider, facilitatorsOf, isFacilitator } from '../access-checks.js';
import { findAgendaItem } from '../reviews/agenda-item-ref.js';
import { carryOutDecision, type DecisionRecord } from './carry-out-decision.js';
import type { GovernanceContext, GovernanceRepos, PendingWrite } from '../governance-context.js';
import { nextNumber } from '../../store/index.js';
import { checkOutcomeInput, type OutcomeInput } from './outcome-input.js';
import { previewOutcome } from './preview-outcome.js';
import type { Proposal, CloudEvent, DecideResult, Principal, Review, Tension } from '../../model/index.js';
import type { RoutedTo } from '../tensions/route-tension.js';
import { settleProposal, tallyVotes } from './settle-proposal.js';
import { advisorsOf } from '../tensions/tension-service.js';
import { isAwaitingDecision } from '../tensions/tension-states.js';

export type { DecideResult } from '../../model/index.js';

export function createDecisionService(ctx: GovernanceContext) {
  /** Writes the YAML of new versions once their transaction committed; a failed write is logged, never undoes the decision. */
  async function flush(writes: PendingWrite[]): Promise<void> {
    for (const w of writes) {
      try {
        await mkdir(path.dirname(w.file), { recursive: true });
        await writeFile(w.file, w.text);
      } catch (error) {
        ctx.runtime.logger.error(
          { err: error, file: w.file },
          'writing the YAML of a new version failed; GET the decision for its yaml',
        );
      }
    }
  }

  async function accept(
    repos: GovernanceRepos,
    proposal: Proposal,
    route: RoutedTo,
    how: string,
  ): Promise<DecisionRecord> {
    const record = await carryOutDecision(ctx, repos, {
      tensionId: proposal.tensionId,
      input: proposal.outcome,
      method: proposal.method,
      decidedBy: `${proposal.proposedBy} (${how})`,
      deciderCell: proposal.proposerCell,
      ...(proposal.proposerRole ? { deciderRole: proposal.proposerRole } : {}),
      ...(proposal.reviewId ? { reviewId: proposal.reviewId } : {}),
      proposalId: proposal.id,
      defaultCriteria: route.criteria,
    });
    const now = ctx.now();
    await repos.records.updateProposal({ ...proposal, state: 'accepted', settledAt: now.toISOString() });
    record.events.unshift(
      celloEvent(ProposalAccepted, {
        subject: proposal.tensionId,
        time: now,
        data: {
          proposal: proposal.id,
          tension: proposal.tensionId,
          method: proposal.method,
          how,
          decision: record.decision.id,
        },
      }),
    );
    return record;
  }

  /** Marks the review's agenda item with what happened to it. */
  async function markItem(
    repos: GovernanceRepos,
    reviewId: string | undefined,
    tensionId: string,
    patch: Partial<Review['agenda'][number]>,
  ): Promise<void> {
    if (!reviewId) return;
    const review = await repos.reviews.get(reviewId, { lock: true });
    const index = review.agenda.findIndex((i) => i.tensionId === tensionId);
    if (index < 0) return;
    review.agenda[index] = { ...review.agenda[index]!, ...patch };
    await repos.reviews.update(review);
  }

  /**
   * Settles a proposal whose window ended or whose vote is decided. `reviewClosed` ends the window of proposals made
   * in that review. Runs in the caller's transaction; returns the events and files of what it carried out.
   */
  async function settle(
    repos: GovernanceRepos,
    proposal: Proposal,
    reviewClosed = false,
  ): Promise<{ events: CloudEvent[]; writes: PendingWrite[]; state: Proposal['state'] }> {
    const tension = await repos.tensions.get(proposal.tensionId);
    const route = ctx.route(tension.type);
    const members = route.routed ? (ctx.model().cells.get(route.deciderCell)?.spec.members.length ?? 0) : 0;
    const outcome = settleProposal(proposal, { now: ctx.now(), members, reviewClosed });
    if (!outcome || !route.routed) return { events: [], writes: [], state: proposal.state };
    const now = ctx.now();
    if (outcome === 'accepted') {
      const how =
        proposal.method === 'consent'
          ? 'consent: no objection in the window'
          : `vote: ${tallyVotes(proposal.votes, members).yes} of ${members} members for`;
      try {
        const record = await accept(repos, proposal, route, how);
        await markItem(repos, proposal.reviewId, tension.id, { status: 'decided', decisionId: record.decision.id });
        return { events: record.events, writes: record.writes, state: 'accepted' };
      } catch (error) {
        // The proposal cannot be carried out any more (the agreement changed meanwhile): reject it, and say why.
        await repos.records.updateProposal({ ...proposal, state: 'rejected', settledAt: now.toISOString() });
        return {
          events: [
            celloEvent(ProposalRejected, {
              subject: tension.id,
              time: now,
              data: {
                proposal: proposal.id,
                tension: tension.id,
                reason: `it could not be carried out: ${errorMessage(error)}`,
              },
            }),
          ],
          writes: [],
          state: 'rejected',
        };
      }
    }
    await repos.records.updateProposal({ ...proposal, state: outcome, settledAt: now.toISOString() });
    await markItem(repos, proposal.reviewId, tension.id, { status: outcome === 'objected' ? 'objected' : 'rejected' });
    const tally = proposal.method === 'vote' ? tallyVotes(proposal.votes, members) : undefined;
    const type = outcome === 'objected' ? ProposalObjected : ProposalRejected;
    return {
      events: [
        celloEvent(type, {
          subject: tension.id,
          time: now,
          data: {
            proposal: proposal.id,
            tension: tension.id,
            ...(tally ? { tally } : {}),
            objections: proposal.objections,
          },
        }),
      ],
      writes: [],
      state: outcome,
    };
  }

  return {
    settle,
    flush,
    proposal: (id: string) => ctx.read().records.proposal(id),

    /**
     * Decides a tension, or proposes under consent or vote. Only the right's decider may; a right whose forum is
     * the review takes decisions only in a running review; an unrouted tension may only be escalated or dropped,
     * by the facilitator, in a review.
     */
    async decide(
      principal: Principal,
      tensionId: string,
      raw: OutcomeInput,
      options: { reviewId?: string } = {},
    ): Promise<DecideResult> {
      const input = checkOutcomeInput(raw, ctx.now());
      const read = ctx.read();
      const tension = await read.tensions.get(tensionId);
      if (!isAwaitingDecision(tension.state)) {
        throw new ConflictError(
          `Tension ${tension.id} is ${tension.state}; only open or scheduled tensions are decided (reopen it first if the gap is back).`,
          { tension: tension.id, state: tension.state },
        );
      }
      const review = options.reviewId ? await read.reviews.get(options.reviewId) : undefined;
      if (review) {
        if (review.state !== 'running')
          throw new ConflictError(
            `Review ${review.id} is ${review.state}; decisions are taken while it runs (\`cello review start\`).`,
            { review: review.id },
          );
        const { item } = findAgendaItem(review, tension.id);
        if (item.status === 'decided' || item.status === 'proposed')
          throw new ConflictError(`Agenda item ${tension.id} of review ${review.id} is already ${item.status}.`, {
            review: review.id,
          });
      }
      const model = ctx.model();
      const route = ctx.route(tension.type);
      const open = await read.records.proposals({ tensionId: tension.id, state: 'open' });
      if (open.length > 0)
        throw new ConflictError(
          `Tension ${tension.id} already has proposal ${open[0]!.id} waiting for its window; object to it or let it settle first.`,
          { proposal: open[0]!.id },
        );
      const by = describePrincipal(principal);

      if (!route.routed) {
        if (!review)
          throw new NotAllowedError(
            `${route.reason} Until then, bring ${tension.id} to the tension review, where the facilitator may escalate or drop it.`,
            { rule: 'unrouted' },
          );
        // The admin may run a review, but a decision is a governance act: only a facilitator of the review's cell.
        if (principal.kind === 'admin' || !isFacilitator(model, principal, review.cell)) {
          throw new NotAllowedError(
            `Only a facilitator of cell:${review.cell} (${facilitatorsOf(model, review.cell).join(', ') || 'nobody holds the role'}) may escalate or drop unrouted tension ${tension.id}; ${describePrincipal(principal)} may not (the admin runs reviews but takes no decisions).`,
            { rule: 'facilitator-decides-unrouted' },
          );
        }
        if (input.outcome !== 'escalate' && input.outcome !== 'drop') {
          throw new InputError(
            `${route.reason} Without a decider, the facilitator may only escalate or drop ${tension.id}.`,
            { field: 'outcome' },
          );
        }
        return decideNow({
          tensionId: tension.id,
          input,
          method: 'facilitator',
          decidedBy: by,
          reviewId: review.id,
          defaultCriteria: [],
        });
      }
      assertDecider(model, principal, route, tension);
      if (route.forum === 'review' && !review) {
        throw new ConflictError(
          `"${tension.type}" tensions are decided in the tension review (DecisionRight/${route.right}, forum review); decide ${tension.id} there: \`cello review decide ${tension.id} …\` while a review runs.`,
          { rule: 'forum', forum: 'review' },
        );
      }
      const decider = {
        deciderCell: route.deciderCell,
        ...(route.deciderRole ? { deciderRole: route.deciderRole } : {}),
      };
      if (route.method === 'owner')
        return decideNow({
          tensionId: tension.id,
          input,
          method: 'owner',
          decidedBy: by,
          ...decider,
          ...(review ? { reviewId: review.id } : {}),
          defaultCriteria: route.criteria,
        });
      if (route.method === 'advice') {
        await assertAdviceTaken(tension, route);
        return decideNow({
          tensionId: tension.id,
          input,
          method: 'advice',
          decidedBy: by,
          ...decider,
          ...(review ? { reviewId: review.id } : {}),
          defaultCriteria: route.criteria,
        });
      }
      const preview = await previewOutcome(ctx, tension, input, route.deciderCell);
      const proposal = await ctx.record(async (repos) => {
        await repos.tensions.get(tension.id, { lock: true });
        const pending = await repos.records.proposals({ tensionId: tension.id, state: 'open' });
        if (pending.length > 0)
          throw new ConflictError(
            `Tension ${tension.id} already has proposal ${pending[0]!.id} waiting for its window.`,
            { proposal: pending[0]!.id },
          );
        const now = ctx.now();
        const number = await nextNumber(repos.db, 'proposals');
        const proposal: Proposal = {
          id: `P-${number}`,
          number,
          tensionId: tension.id,
          ...(review ? { reviewId: review.id } : {}),
          method: route.method as Proposal['method'],
          outcome: input,
          proposedBy: by,
          proposerCell: route.deciderCell,
          ...(route.deciderRole ? { proposerRole: route.deciderRole } : {}),
          proposedAt: now.toISOString(),
          ...(review ? {} : { closesAt: new Date(now.getTime() + route.asyncTimeoutMs).toISOString() }),
          state: 'open',
          objections: [],
          votes: [],
        };
        await repos.records.insertProposal(proposal);
        await markItem(repos, review?.id, tension.id, { status: 'proposed', proposalId: proposal.id });
        const window = proposal.closesAt ? `until ${proposal.closesAt}` : `until review ${review!.id} closes`;
        return {
          result: proposal,
          events: [
            celloEvent(ProposalMade, {
              subject: tension.id,
              time: now,
              data: {
                proposal: proposal.id,
                tension: tension.id,
                method: proposal.method,
                outcome: input,
                proposedBy: by,
                window,
                ...(proposal.closesAt ? { closesAt: proposal.closesAt } : {}),
                ...(review ? { review: review.id } : {}),
                preview,
              },
            }),
          ],
        };
      });
      return { tension: await ctx.read().tensions.get(tension.id), proposal, preview };
    },

    /** Objects to a consent proposal: any cell that belongs to the tension. The tension goes to the next review. */
    async object(principal: Principal, proposalId: string, reason: string): Promise<Proposal> {
      if (!reason?.trim())
        throw new InputError('An objection needs a reason: what harm the proposal would do.', { field: 'reason' });
      const proposal = await ctx.read().records.proposal(proposalId);
      if (proposal.method !== 'consent')
        throw new ConflictError(`Proposal ${proposal.id} is decided by vote; vote no instead of objecting.`, {
          proposal: proposal.id,
        });
      if (proposal.state !== 'open')
        throw new ConflictError(
          `Proposal ${proposal.id} is ${proposal.state}; objections count only while its window is open.`,
          { proposal: proposal.id },
        );
      const tension = await ctx.read().tensions.get(proposal.tensionId);
      const route = ctx.route(tension.type);
      assertBelongs(principal, tension, route.routed ? route : undefined, `object to proposal ${proposal.id}`);
      return ctx.record(async (repos) => {
        const current = await repos.records.proposal(proposal.id, { lock: true });
        const objections = [
          ...current.objections,
          {
            by: describePrincipal(principal),
            cell: principal.kind === 'cell' ? principal.cell : '',
            reason: reason.trim(),
            at: ctx.now().toISOString(),
          },
        ];
        const { events } = await settle(repos, { ...current, objections });
        return { result: await repos.records.proposal(proposal.id), events };
      });
    },

    /** Votes on a vote proposal: members of the decider cell, one vote each, with a token that names the member. */
    async vote(principal: Principal, proposalId: string, vote: 'yes' | 'no'): Promise<Proposal> {
      if (vote !== 'yes' && vote !== 'no')
        throw new InputError(`A vote is "yes" or "no", not "${String(vote)}".`, { field: 'vote' });
      const proposal = await ctx.read().records.proposal(proposalId);
      if (proposal.method !== 'vote')
        throw new ConflictError(`Proposal ${proposal.id} is decided by consent; object to it instead of voting.`, {
          proposal: proposal.id,
        });
      if (proposal.state !== 'open')
        throw new ConflictError(`Proposal ${proposal.id} is ${proposal.state}; the vote is over.`, {
          proposal: proposal.id,
        });
      const model = ctx.model();
      const members = model.cells.get(proposal.proposerCell)?.spec.members ?? [];
      const member =
        principal.kind === 'cell' && principal.cell === proposal.proposerCell && principal.member
          ? members.find(
              (m) =>
                m.name.toLowerCase() === principal.member!.toLowerCase() ||
                m.email?.toLowerCase() === principal.member!.toLowerCase(),
            )
          : undefined;
      if (!member) {
        throw new NotAllowedError(
          `Only members of cell:${proposal.proposerCell} (${members.map((m) => m.name).join(', ')}) vote on proposal ${proposal.id}, each with a token naming them; ${describePrincipal(principal)} may not.`,
          { rule: 'vote' },
        );
      }
      const { result, writes } = await ctx.record(async (repos) => {
        const current = await repos.records.proposal(proposal.id, { lock: true });
        if (current.votes.some((v) => v.member === member.name))
          throw new ConflictError(`${member.name} already voted on proposal ${proposal.id}.`, {
            proposal: proposal.id,
          });
        const votes = [
          ...current.votes,
          { member: member.name, cell: proposal.proposerCell, vote, at: ctx.now().toISOString() },
        ];
        await repos.records.updateProposal({ ...current, votes });
        const voted = celloEvent(ProposalVoted, {
          subject: current.tensionId,
          time: ctx.now(),
          data: {
            proposal: current.id,
            tension: current.tensionId,
            member: member.name,
            vote,
            tally: tallyVotes(votes, members.length),
          },
        });
        const { events, writes } = await settle(repos, { ...current, votes });
        return { result: { result: await repos.records.proposal(proposal.id), writes }, events: [voted, ...events] };
      });
      await flush(writes);
      return result;
    },

    /** Settles every proposal whose window has ended; each in its own transaction, so one failure does not hold the rest. */
    async settleDue(): Promise<number> {
      const open = await ctx.read().records.proposals({ state: 'open' });
      let settled = 0;
      for (const proposal of open.filter((p) => p.closesAt && Date.parse(p.closesAt) <= ctx.now().getTime())) {
        const writes = await ctx.record(async (repos) => {
          const { events, writes } = await settle(repos, await repos.records.proposal(proposal.id, { lock: true }));
          return { result: writes, events };
        });
        await flush(writes);
        settled++;
      }
      return settled;
    },
  };

  async function decideNow(act: Parameters<typeof carryOutDecision>[2]): Promise<DecideResult> {
    const record = await ctx.record(async (repos) => {
      const record = await carryOutDecision(ctx, repos, act);
      await markItem(repos, act.reviewId, act.tensionId, { status: 'decided', decisionId: record.decision.id });
      return { result: record, events: record.events };
    });
    await flush(record.writes);
    return { tension: record.tension, decision: record.decision };
  }

  /** Advice: every advisor gave advice, or the advice window (asyncTimeout since raising) has passed. */
  async function assertAdviceTaken(tension: Tension, route: RoutedTo): Promise<void> {
    const advisors = advisorsOf(tension, route);
    const advised = new Set(
      (await ctx.read().tensions.notes(tension.id)).filter((n) => n.kind === 'advice').map((n) => n.authorCell),
    );
    const missing = advisors.filter((a) => !advised.has(a));
    const windowEnds = Date.parse(tension.raisedAt) + route.asyncTimeoutMs;
    if (missing.length === 0 || ctx.now().getTime() >= windowEnds) return;
    throw new ConflictError(
      `"${tension.type}" tensions are decided after asking for advice; ${missing.map((c) => `cell:${c}`).join(', ')} ${missing.length === 1 ? 'has' : 'have'} not advised on ${tension.id} yet. Ask them (\`cello tension advise ${tension.id} …\` from their token), or decide after ${new Date(windowEnds).toISOString()}.`,
      { rule: 'advice', missing: missing.map((c) => `cell:${c}`), windowEnds: new Date(windowEnds).toISOString() },
    );
  }
}

export type DecisionService = ReturnType<typeof createDecisionService>;
