import type { CloudEvent } from '../model/index.js';
import { newId } from '../shared/index.js';

/** Every event governance appends. Tension, proposal and experiment events carry the tension id as subject. */
export const GOVERNANCE_EVENTS = {
  tensionRaised: 'dev.cello.tension.raised',
  /** A detector saw it again, it was rated, or evidence was added. */
  tensionUpdated: 'dev.cello.tension.updated',
  tensionCommented: 'dev.cello.tension.commented',
  tensionAdvised: 'dev.cello.tension.advised',
  tensionScheduled: 'dev.cello.tension.scheduled',
  /** Back to open: a review closed without deciding it, or its proposal met an objection. */
  tensionUnscheduled: 'dev.cello.tension.unscheduled',
  tensionDecided: 'dev.cello.tension.decided',
  tensionEscalated: 'dev.cello.tension.escalated',
  tensionResolved: 'dev.cello.tension.resolved',
  tensionDropped: 'dev.cello.tension.dropped',
  tensionReopened: 'dev.cello.tension.reopened',
  proposalMade: 'dev.cello.proposal.made',
  proposalObjected: 'dev.cello.proposal.objected',
  proposalVoted: 'dev.cello.proposal.voted',
  proposalAccepted: 'dev.cello.proposal.accepted',
  proposalRejected: 'dev.cello.proposal.rejected',
  reviewPlanned: 'dev.cello.review.planned',
  reviewReordered: 'dev.cello.review.reordered',
  reviewStarted: 'dev.cello.review.started',
  reviewClosed: 'dev.cello.review.closed',
  agreementVersioned: 'dev.cello.agreement.versioned',
  guardrailVersioned: 'dev.cello.guardrail.versioned',
  experimentStarted: 'dev.cello.experiment.started',
  experimentConcluded: 'dev.cello.experiment.concluded',
} as const;

export type GovernanceEventType = (typeof GOVERNANCE_EVENTS)[keyof typeof GOVERNANCE_EVENTS];

export const GOVERNANCE_SOURCE = '/cello/governance';

/** A governance event: one per act, appended in the transaction that makes the change. */
export function governanceEvent(
  type: GovernanceEventType | string,
  subject: string,
  time: Date,
  data: Record<string, unknown>,
): CloudEvent {
  return {
    specversion: '1.0',
    id: newId(),
    source: GOVERNANCE_SOURCE,
    type,
    subject,
    time: time.toISOString(),
    datacontenttype: 'application/json',
    data,
  };
}
