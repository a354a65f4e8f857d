import { formatDate } from '../format/format-time.js';
import { AgreementDiff } from './agreement-diff.js';
import type { Decision, FieldChange, Proposal } from '../../../../src/model/index.js';

/** A decision as the record shows it: outcome, who decided and how, criteria, rationale, and what it changed. */
export function DecisionSummary({ decision }: { decision: Decision }) {
  const details = decision.details;
  const changes = Array.isArray(details.changes) ? (details.changes as FieldChange[]) : [];
  return (
    <article className="decision" aria-label={`Decision ${decision.id}`}>
      <p>
        <strong>{outcomeLabel(decision.outcome)}</strong> <span className="badge state-decided">{decision.method}</span>{' '}
        <span className="muted">
          {decision.id} · {decision.decidedBy} · {formatDate(decision.decidedAt)}
        </span>
      </p>
      <p>{decision.rationale}</p>
      {decision.criteria.length > 0 && <p className="hint">Criteria weighed: {decision.criteria.join(', ')}</p>}
      {decision.reviewDate && <p className="hint">Review on {decision.reviewDate}</p>}
      {typeof details.agreement === 'string' && changes.length > 0 && (
        <AgreementDiff
          changes={changes}
          title={`agreement:${details.agreement} v${String(details.previousVersion ?? '?')} → v${String(details.version ?? '?')}`}
        />
      )}
      {typeof details.yaml === 'string' && (
        <details>
          <summary>The new version as YAML, for the org-as-code repository</summary>
          <pre>{details.yaml}</pre>
        </details>
      )}
      {typeof details.experiment === 'string' && <p className="hint">Started experiment {details.experiment}.</p>}
      {typeof details.to === 'string' && <p className="hint">Escalated to {details.to}.</p>}
    </article>
  );
}

/** A consent or vote proposal and its window. */
export function ProposalSummary({
  proposal,
  preview,
}: {
  proposal: Proposal;
  preview?: Record<string, unknown> | undefined;
}) {
  const changes = Array.isArray(preview?.changes) ? (preview.changes as FieldChange[]) : [];
  return (
    <article className="decision" aria-label={`Proposal ${proposal.id}`}>
      <p>
        <strong>Proposed: {outcomeLabel(proposal.outcome.outcome)}</strong>{' '}
        <span className={`badge state-${proposal.state}`}>{proposal.state}</span>{' '}
        <span className="muted">
          {proposal.id} · {proposal.method} · {proposal.proposedBy}
        </span>
      </p>
      {proposal.outcome.rationale && <p>{proposal.outcome.rationale}</p>}
      <p className="hint">
        {proposal.state === 'open'
          ? proposal.closesAt
            ? `Accepted unless someone objects before ${formatDate(proposal.closesAt)}.`
            : 'Accepted when the review closes unless someone objects.'
          : `${proposal.objections.length} objection(s), ${proposal.votes.length} vote(s).`}
      </p>
      {changes.length > 0 && typeof preview?.agreement === 'string' && (
        <AgreementDiff
          changes={changes}
          title={`agreement:${preview.agreement} v${String(preview.fromVersion ?? '?')} → proposed`}
        />
      )}
    </article>
  );
}

const LABELS: Record<string, string> = {
  'change-agreement': 'Change an agreement',
  'add-guardrail': 'Add or change a guardrail',
  experiment: 'Start an experiment',
  escalate: 'Escalate',
  drop: 'Drop',
};

export function outcomeLabel(outcome: string): string {
  return LABELS[outcome] ?? outcome;
}
