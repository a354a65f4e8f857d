import { describe, expect, it } from 'vitest';
import { settleProposal, tallyVotes, windowEnded } from './settle-proposal.js';

const vote = (member: string, v: 'yes' | 'no') => ({ member, cell: 'risk', vote: v, at: '2026-01-05T10:00:00Z' });
const base = { state: 'open' as const, objections: [], votes: [] };

describe('consent windows', () => {
  const proposal = { ...base, method: 'consent' as const, closesAt: '2026-01-08T09:00:00.000Z' };

  it('stays open while the window runs', () => {
    expect(settleProposal(proposal, { now: new Date('2026-01-08T08:59:59Z'), members: 3 })).toBeUndefined();
  });

  it('is accepted when the window passes with no objection', () => {
    expect(settleProposal(proposal, { now: new Date('2026-01-08T09:00:00Z'), members: 3 })).toBe('accepted');
  });

  it('goes back (to the next review) on an objection, even before the window ends', () => {
    const objected = {
      ...proposal,
      objections: [{ by: 'Mei of cell:risk', cell: 'risk', reason: 'breaks our SLO', at: '2026-01-06T09:00:00Z' }],
    };
    expect(settleProposal(objected, { now: new Date('2026-01-06T09:00:00Z'), members: 3 })).toBe('objected');
  });

  it('lasts as long as its review when made in one', () => {
    const inReview: { method: 'consent'; state: 'open'; objections: never[]; votes: never[]; closesAt?: string } = {
      ...base,
      method: 'consent',
    };
    expect(windowEnded(inReview, new Date('2030-01-01T00:00:00Z'))).toBe(false);
    expect(settleProposal(inReview, { now: new Date(), members: 3, reviewClosed: true })).toBe('accepted');
  });
});

describe('votes', () => {
  it('pass with yes votes from a majority of all members', () => {
    expect(tallyVotes([vote('a', 'yes'), vote('b', 'yes')], 3)).toMatchObject({
      yes: 2,
      needed: 2,
      result: 'accepted',
    });
    expect(tallyVotes([vote('a', 'yes'), vote('b', 'yes')], 4)).toMatchObject({ needed: 3, result: 'pending' });
  });

  it('fail as soon as yes can no longer reach the majority', () => {
    expect(tallyVotes([vote('a', 'no'), vote('b', 'no')], 3).result).toBe('rejected');
  });

  it('fail without a majority when the window ends (absent members are not yes)', () => {
    const proposal = { ...base, method: 'vote' as const, closesAt: '2026-01-08T09:00:00Z', votes: [vote('a', 'yes')] };
    expect(settleProposal(proposal, { now: new Date('2026-01-08T09:00:00Z'), members: 4 })).toBe('rejected');
  });
});
