import type { Proposal, Vote } from '../../model/index.js';

/** The count of a vote against the decider cell's members. */
export interface Tally {
  yes: number;
  no: number;
  members: number;
  /** Yes votes needed: more than half of the cell's members (also the quorum: abstaining is not yes). */
  needed: number;
  /** `accepted` once yes votes reach `needed`; `rejected` once they no longer can; else `pending`. */
  result: 'accepted' | 'rejected' | 'pending';
}

/** Counts votes: a proposal passes with yes votes from a majority of all the decider cell's members. */
export function tallyVotes(votes: readonly Vote[], members: number): Tally {
  const yes = votes.filter((v) => v.vote === 'yes').length;
  const no = votes.filter((v) => v.vote === 'no').length;
  const needed = Math.floor(members / 2) + 1;
  const undecided = Math.max(0, members - yes - no);
  const result = yes >= needed ? 'accepted' : yes + undecided < needed ? 'rejected' : 'pending';
  return { yes, no, members, needed, result };
}

/** Whether a proposal's window has ended: its closing time passed, or (for one made in a review) the review closed. */
export function windowEnded(proposal: Pick<Proposal, 'closesAt'>, now: Date, reviewClosed = false): boolean {
  return proposal.closesAt === undefined ? reviewClosed : Date.parse(proposal.closesAt) <= now.getTime();
}

/**
 * What an open proposal comes to now, or undefined while it stays open. Consent: any objection sends it back
 * (to the next review); no objection when the window ends accepts it. Vote: the tally decides as soon as it
 * can; when the window ends first, a proposal short of a majority is rejected.
 */
export function settleProposal(
  proposal: Pick<Proposal, 'method' | 'state' | 'objections' | 'votes' | 'closesAt'>,
  context: { now: Date; members: number; reviewClosed?: boolean },
): 'accepted' | 'objected' | 'rejected' | undefined {
  if (proposal.state !== 'open') return undefined;
  const ended = windowEnded(proposal, context.now, context.reviewClosed);
  if (proposal.method === 'consent') {
    if (proposal.objections.length > 0) return 'objected';
    return ended ? 'accepted' : undefined;
  }
  const tally = tallyVotes(proposal.votes, context.members);
  if (tally.result !== 'pending') return tally.result;
  return ended ? 'rejected' : undefined;
}
