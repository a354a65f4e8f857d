import { Type, type Static } from '@sinclair/typebox';

/** What a decision may do about a tension. */
export const OUTCOMES = ['change-agreement', 'add-guardrail', 'experiment', 'escalate', 'drop'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The body of a decision or proposal: the outcome and what it needs, plus the record (rationale, criteria, review date). */
export const OutcomeInput = Type.Object(
  {
    outcome: Type.Union(OUTCOMES.map((o) => Type.Literal(o))),
    rationale: Type.Optional(Type.String({ maxLength: 4000 })),
    criteria: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { maxItems: 10 })),
    reviewDate: Type.Optional(Type.String({ description: 'YYYY-MM-DD, or a duration from now such as 2w' })),
    agreement: Type.Optional(Type.String({ description: 'change-agreement: the agreement name' })),
    set: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), {
        description: 'change-agreement: field path → new value, e.g. {"spec.slos[0].within": "2h"}',
      }),
    ),
    unset: Type.Optional(Type.Array(Type.String(), { description: 'change-agreement: field paths to remove' })),
    guardrail: Type.Optional(Type.String({ description: 'add-guardrail: the guardrail name (new or existing)' })),
    guardrailSpec: Type.Optional(
      Type.Object({}, { additionalProperties: true, description: 'add-guardrail: the Guardrail spec' }),
    ),
    move: Type.Optional(Type.String({ maxLength: 1000, description: 'experiment: the move to try' })),
    metric: Type.Optional(Type.String({ maxLength: 1000, description: 'experiment: the metric to watch' })),
    to: Type.Optional(Type.String({ description: 'escalate: the cell it goes to' })),
    reason: Type.Optional(Type.String({ maxLength: 4000, description: 'escalate and drop: why' })),
    result: Type.Optional(
      Type.String({ maxLength: 4000, description: 'deciding an experiment review: what the experiment showed' }),
    ),
  },
  { additionalProperties: false, title: 'OutcomeInput' },
);
export type OutcomeInput = Static<typeof OutcomeInput>;
