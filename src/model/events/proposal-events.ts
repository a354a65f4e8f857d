import { Type } from '@sinclair/typebox';
import { OutcomeInput } from '../http/index.js';
import { defineEvent } from './event-definition.js';
import { GOVERNANCE_SOURCE } from './event-sources.js';

export const ProposalMade = 'dev.cello.proposal.made';
export const ProposalObjected = 'dev.cello.proposal.objected';
export const ProposalVoted = 'dev.cello.proposal.voted';
export const ProposalAccepted = 'dev.cello.proposal.accepted';
export const ProposalRejected = 'dev.cello.proposal.rejected';

const SUBJECT = 'the id of the tension the proposal decides (T-n)';
const Method = Type.Union([Type.Literal('consent'), Type.Literal('vote')]);

/** How a vote stands. */
const Tally = Type.Object({
  yes: Type.Number(),
  no: Type.Number(),
  members: Type.Number(),
  needed: Type.Number(),
  result: Type.Union([Type.Literal('accepted'), Type.Literal('rejected'), Type.Literal('pending')]),
});

/** The window of a consent or vote proposal ended against it. */
const Settled = Type.Object({
  proposal: Type.String(),
  tension: Type.String(),
  tally: Type.Optional(Tally),
  objections: Type.Array(
    Type.Object({ by: Type.String(), cell: Type.String(), reason: Type.String(), at: Type.String() }),
  ),
});

/** Proposal events: decisions under consent or vote, waiting for their window. */
export const PROPOSAL_EVENTS = {
  [ProposalMade]: defineEvent({
    description: 'A decider proposed an outcome under consent or vote; it waits for its window.',
    source: GOVERNANCE_SOURCE,
    subject: SUBJECT,
    data: Type.Object({
      proposal: Type.String({ description: 'the proposal id (P-n)' }),
      tension: Type.String(),
      method: Method,
      outcome: OutcomeInput,
      proposedBy: Type.String(),
      window: Type.String({ description: 'until when objections or votes count, in words' }),
      closesAt: Type.Optional(Type.String()),
      review: Type.Optional(Type.String()),
      preview: Type.Record(Type.String(), Type.Unknown(), { description: 'what the outcome would change' }),
    }),
  }),
  [ProposalObjected]: defineEvent({
    description: 'A consent proposal met an objection; its tension goes to the next review.',
    source: GOVERNANCE_SOURCE,
    subject: SUBJECT,
    data: Settled,
  }),
  [ProposalVoted]: defineEvent({
    description: 'A member of the deciding cell voted on a proposal.',
    source: GOVERNANCE_SOURCE,
    subject: SUBJECT,
    data: Type.Object({
      proposal: Type.String(),
      tension: Type.String(),
      member: Type.String(),
      vote: Type.Union([Type.Literal('yes'), Type.Literal('no')]),
      tally: Tally,
    }),
  }),
  [ProposalAccepted]: defineEvent({
    description: 'A proposal was accepted and carried out as a decision.',
    source: GOVERNANCE_SOURCE,
    subject: SUBJECT,
    data: Type.Object({
      proposal: Type.String(),
      tension: Type.String(),
      method: Method,
      how: Type.String({ description: 'why it passed, in words' }),
      decision: Type.String(),
    }),
  }),
  [ProposalRejected]: defineEvent({
    description: 'A proposal was voted down, ran out of its window, or could not be carried out any more.',
    source: GOVERNANCE_SOURCE,
    subject: SUBJECT,
    data: Type.Union([
      Settled,
      Type.Object({ proposal: Type.String(), tension: Type.String(), reason: Type.String() }),
    ]),
  }),
};
