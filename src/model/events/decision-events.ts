import { Type } from '@sinclair/typebox';
import { defineEvent } from './event-definition.js';
import { GOVERNANCE_SOURCE } from './event-sources.js';

export const AgreementVersioned = 'dev.cello.agreement.versioned';
export const GuardrailVersioned = 'dev.cello.guardrail.versioned';

const SUBJECT = 'the id of the tension the decision was about (T-n)';

/** One changed field of a manifest: its path, and the values before and after. */
const FieldChange = Type.Object({
  path: Type.String({ description: 'e.g. spec.slos[0].within' }),
  before: Type.Optional(Type.Unknown()),
  after: Type.Optional(Type.Unknown()),
});

/** What decisions change in the organization: new versions of agreements and guardrails. */
export const DECISION_EVENTS = {
  [AgreementVersioned]: defineEvent({
    description: 'A decision wrote a new version of an agreement.',
    source: GOVERNANCE_SOURCE,
    subject: SUBJECT,
    data: Type.Object({
      tension: Type.String(),
      decision: Type.String(),
      agreement: Type.String({ description: 'agreement:<name>' }),
      version: Type.Number(),
      previousVersion: Type.Number(),
      changes: Type.Array(FieldChange),
    }),
  }),
  [GuardrailVersioned]: defineEvent({
    description: 'A decision added a guardrail, or wrote a new version of one.',
    source: GOVERNANCE_SOURCE,
    subject: SUBJECT,
    data: Type.Object({
      tension: Type.String(),
      decision: Type.String(),
      guardrail: Type.String({ description: 'guardrail:<name>' }),
      version: Type.Number(),
      changes: Type.Array(FieldChange),
    }),
  }),
};
