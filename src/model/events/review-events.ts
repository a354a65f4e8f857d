import { Type } from '@sinclair/typebox';
import { AgendaItemKind } from '../http/index.js';
import { defineEvent } from './event-definition.js';
import { GOVERNANCE_SOURCE } from './event-sources.js';

export const ReviewPlanned = 'dev.cello.review.planned';
export const ReviewReordered = 'dev.cello.review.reordered';
export const ReviewStarted = 'dev.cello.review.started';
export const ReviewClosed = 'dev.cello.review.closed';

/** Every review event's type starts with this. */
export const REVIEW_EVENT_PREFIX = 'dev.cello.review.';

const SUBJECT = 'the review id (R-n)';

/** Review events: the recurring tension review planned, run and closed. */
export const REVIEW_EVENTS = {
  [ReviewPlanned]: defineEvent({
    description: "A review's agenda was generated (or refreshed) from the waiting tensions.",
    source: GOVERNANCE_SOURCE,
    subject: SUBJECT,
    data: Type.Object({
      review: Type.String(),
      cell: Type.String({ description: 'cell:<name>, the cell that holds the review' }),
      scheduledFor: Type.String(),
      plannedBy: Type.String(),
      items: Type.Array(
        Type.Object({
          tension: Type.String(),
          kind: AgendaItemKind,
          priority: Type.Number(),
        }),
      ),
    }),
  }),
  [ReviewReordered]: defineEvent({
    description: 'The facilitator reordered the agenda.',
    source: GOVERNANCE_SOURCE,
    subject: SUBJECT,
    data: Type.Object({
      review: Type.String(),
      by: Type.String(),
      order: Type.Array(Type.String(), { description: 'tension ids, in agenda order' }),
    }),
  }),
  [ReviewStarted]: defineEvent({
    description: 'The facilitator opened the review: its items are decided in it from now on.',
    source: GOVERNANCE_SOURCE,
    subject: SUBJECT,
    data: Type.Object({ review: Type.String(), by: Type.String(), items: Type.Array(Type.String()) }),
  }),
  [ReviewClosed]: defineEvent({
    description: 'The review closed, with how many items it decided, or as one that ended without a decision.',
    source: GOVERNANCE_SOURCE,
    subject: SUBJECT,
    data: Type.Object({
      review: Type.String(),
      by: Type.String(),
      items: Type.Number(),
      decided: Type.Number(),
      undecided: Type.Number(),
      noDecision: Type.Boolean(),
      decisions: Type.Array(Type.String()),
    }),
  }),
};
