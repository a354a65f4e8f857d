/** The closed sets of tensions (states, severities, evidence kinds) and the evidence pointer, shared by their schemas. */
import { Type, type Static } from '@sinclair/typebox';

/** Where a tension stands. The usual path is open → scheduled → decided → resolved; dropped ends it too. */
export const TENSION_STATES = ['open', 'scheduled', 'decided', 'resolved', 'dropped'] as const;
export const TensionState = Type.Union(TENSION_STATES.map((s) => Type.Literal(s)));
export type TensionState = (typeof TENSION_STATES)[number];

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const Severity = Type.Union(SEVERITIES.map((s) => Type.Literal(s)));
export type Severity = (typeof SEVERITIES)[number];

export const EVIDENCE_KINDS = [
  'event',
  'agreement',
  'insight',
  'finding',
  'manifest',
  'delivery',
  'decision',
  'experiment',
  'link',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** A pointer to what shows the gap: an event (`event:42`), an agreement, an insight, a lint finding, a URL. */
export const Evidence = Type.Object(
  {
    kind: Type.Union(EVIDENCE_KINDS.map((k) => Type.Literal(k))),
    ref: Type.String({ minLength: 1 }),
    note: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type Evidence = Static<typeof Evidence>;
