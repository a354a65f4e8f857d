import { Type } from '@sinclair/typebox';
import { OUTCOMES, SEVERITIES, Evidence } from '../http/index.js';
import { DECISION_FORUMS, DECISION_METHODS } from '../manifests/index.js';
import { defineEvent } from './event-definition.js';
import { COMPONENT_SOURCE_PATTERN, GOVERNANCE_SOURCE } from './event-sources.js';

export const TensionRaised = 'dev.cello.tension.raised';
export const TensionUpdated = 'dev.cello.tension.updated';
export const TensionCommented = 'dev.cello.tension.commented';
export const TensionAdvised = 'dev.cello.tension.advised';
export const TensionScheduled = 'dev.cello.tension.scheduled';
export const TensionUnscheduled = 'dev.cello.tension.unscheduled';
export const TensionDecided = 'dev.cello.tension.decided';
export const TensionEscalated = 'dev.cello.tension.escalated';
export const TensionResolved = 'dev.cello.tension.resolved';
export const TensionDropped = 'dev.cello.tension.dropped';
export const TensionReopened = 'dev.cello.tension.reopened';
export const TensionDetected = 'dev.cello.tension.detected';

/** Every tension event's type starts with this. */
export const TENSION_EVENT_PREFIX = 'dev.cello.tension.';

const TENSION_SUBJECT = 'the tension id (T-n)';

/** Where the tension goes to be decided, from the DecisionRight of its type. */
const RouteSummary = Type.Union([
  Type.Object({
    routed: Type.Literal(true),
    right: Type.String(),
    decider: Type.String({ description: 'cell:<name>' }),
    role: Type.Optional(Type.String()),
    method: Type.Union(DECISION_METHODS.map((m) => Type.Literal(m))),
    forum: Type.Union(DECISION_FORUMS.map((f) => Type.Literal(f))),
  }),
  Type.Object({ routed: Type.Literal(false), reason: Type.String() }),
]);

const Note = Type.Object({
  tension: Type.String(),
  note: Type.String({ description: 'the note id' }),
  by: Type.String(),
  body: Type.String(),
});

/** Tension events: a gap raised, discussed, put on an agenda, decided and closed. */
export const TENSION_EVENTS = {
  [TensionRaised]: defineEvent({
    description: 'A tension was raised, by a person or by a detector.',
    source: GOVERNANCE_SOURCE,
    subject: TENSION_SUBJECT,
    data: Type.Object({
      tension: Type.String(),
      title: Type.String(),
      type: Type.String({ description: 'the tension type (interface, boundary, process…)' }),
      cells: Type.Array(Type.String(), { description: 'the involved cells, without cell:' }),
      severity: Type.Union(SEVERITIES.map((s) => Type.Literal(s))),
      observedAt: Type.String({ description: 'RFC 3339: when the gap was first seen' }),
      raisedBy: Type.String(),
      origin: Type.Union([Type.Literal('person'), Type.Literal('detector')]),
      detector: Type.Optional(Type.String()),
      detectorSubject: Type.Optional(Type.String({ description: "what the detector's report is about" })),
      evidence: Type.Array(Evidence),
      route: RouteSummary,
    }),
  }),
  [TensionUpdated]: defineEvent({
    description: 'A detector saw the tension again, or it was rated.',
    source: GOVERNANCE_SOURCE,
    subject: TENSION_SUBJECT,
    data: Type.Union([
      Type.Object({
        tension: Type.String(),
        change: Type.Literal('occurrence'),
        occurrences: Type.Number(),
        evidence: Type.Array(Evidence, { description: 'the evidence this occurrence brought' }),
      }),
      Type.Object({
        tension: Type.String(),
        change: Type.Literal('rated'),
        by: Type.String(),
        ratings: Type.Record(Type.String(), Type.Number(), { description: 'criterion → 0 to 5' }),
        score: Type.Number(),
        explanation: Type.String(),
      }),
    ]),
  }),
  [TensionCommented]: defineEvent({
    description: 'Someone who belongs to the tension commented on it.',
    source: GOVERNANCE_SOURCE,
    subject: TENSION_SUBJECT,
    data: Note,
  }),
  [TensionAdvised]: defineEvent({
    description: 'An advisor cell gave advice on the tension.',
    source: GOVERNANCE_SOURCE,
    subject: TENSION_SUBJECT,
    data: Note,
  }),
  [TensionScheduled]: defineEvent({
    description: "The tension was put on a review's agenda.",
    source: GOVERNANCE_SOURCE,
    subject: TENSION_SUBJECT,
    data: Type.Object({ tension: Type.String(), review: Type.String(), scheduledFor: Type.String() }),
  }),
  [TensionUnscheduled]: defineEvent({
    description: 'Back to open: its review closed without deciding it, or it no longer waits for a decision.',
    source: GOVERNANCE_SOURCE,
    subject: TENSION_SUBJECT,
    data: Type.Object({ tension: Type.String(), review: Type.String(), reason: Type.String() }),
  }),
  [TensionDecided]: defineEvent({
    description: 'A decision was made on the tension, by whom, how and with which criteria.',
    source: GOVERNANCE_SOURCE,
    subject: TENSION_SUBJECT,
    data: Type.Object({
      tension: Type.String(),
      decision: Type.String({ description: 'the decision id (D-n)' }),
      outcome: Type.Union(OUTCOMES.map((o) => Type.Literal(o))),
      method: Type.Union([...DECISION_METHODS.map((m) => Type.Literal(m)), Type.Literal('facilitator')]),
      decidedBy: Type.String(),
      decider: Type.Optional(Type.String({ description: 'cell:<name>' })),
      criteria: Type.Array(Type.String()),
      rationale: Type.String(),
      reviewDate: Type.Optional(Type.String()),
      review: Type.Optional(Type.String()),
      proposal: Type.Optional(Type.String()),
    }),
  }),
  [TensionEscalated]: defineEvent({
    description: 'A decision escalated the tension; it waits for a decision elsewhere.',
    source: GOVERNANCE_SOURCE,
    subject: TENSION_SUBJECT,
    data: Type.Object({
      tension: Type.String(),
      decision: Type.String(),
      to: Type.Union([Type.String(), Type.Null()], { description: 'the cell it went to, when one was named' }),
      reason: Type.Optional(Type.String()),
      escalations: Type.Number(),
    }),
  }),
  [TensionResolved]: defineEvent({
    description: 'The gap is closed: by a decision carried out, by its raiser or decider, or by its detector.',
    source: GOVERNANCE_SOURCE,
    subject: TENSION_SUBJECT,
    data: Type.Object({
      tension: Type.String(),
      by: Type.String(),
      reason: Type.String(),
      decision: Type.Optional(Type.String()),
    }),
  }),
  [TensionDropped]: defineEvent({
    description: 'A decision dropped the tension.',
    source: GOVERNANCE_SOURCE,
    subject: TENSION_SUBJECT,
    data: Type.Object({ tension: Type.String(), decision: Type.String(), reason: Type.String() }),
  }),
  [TensionReopened]: defineEvent({
    description: 'A resolved tension is open again: someone reopened it, or its detector saw it again.',
    source: GOVERNANCE_SOURCE,
    subject: TENSION_SUBJECT,
    data: Type.Object({
      tension: Type.String(),
      by: Type.String(),
      reason: Type.String(),
      occurrences: Type.Optional(Type.Number()),
      reopened: Type.Number({ description: 'how often it was reopened so far' }),
    }),
  }),
  [TensionDetected]: defineEvent({
    description:
      "Governance's detector port: another Cello component asks for a tension (one per detector and subject).",
    source: COMPONENT_SOURCE_PATTERN,
    subject: 'what the report is about, as its data.subject',
    data: Type.Object({
      detector: Type.String(),
      subject: Type.String({ description: 'one tension per detector and subject, e.g. workflow:refunds/approve' }),
      title: Type.String(),
      type: Type.String({ description: 'the tension type' }),
      cells: Type.Array(Type.String()),
      description: Type.Optional(Type.String()),
      severity: Type.Optional(Type.Union(SEVERITIES.map((s) => Type.Literal(s)))),
      observedAt: Type.Optional(Type.String()),
      evidence: Type.Optional(Type.Array(Type.Union([Type.String({ description: 'kind:ref or a URL' }), Evidence]))),
      occurrences: Type.Optional(Type.Number()),
    }),
  }),
};
