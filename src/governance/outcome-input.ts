import { Type, type Static } from '@sinclair/typebox';
import { InputError, isDuration, parseDuration } from '../shared/index.js';

/** What a decision may do about a tension. */
export const OUTCOMES = ['change-agreement', 'add-guardrail', 'experiment', 'escalate', 'drop'] as const;
export type Outcome = (typeof OUTCOMES)[number];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The body of a decision or proposal: the outcome and what it needs, plus the record (rationale, criteria, review date). */
export const OutcomeInputSchema = Type.Object(
  {
    outcome: Type.Union(OUTCOMES.map((o) => Type.Literal(o))),
    rationale: Type.Optional(Type.String({ maxLength: 4000 })),
    criteria: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { maxItems: 10 })),
    reviewDate: Type.Optional(Type.String({ description: 'YYYY-MM-DD, or a duration from now such as 2w' })),
    agreement: Type.Optional(Type.String({ description: 'change-agreement: the agreement name' })),
    set: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: 'change-agreement: field path → new value, e.g. {"spec.slos[0].within": "2h"}' })),
    unset: Type.Optional(Type.Array(Type.String(), { description: 'change-agreement: field paths to remove' })),
    guardrail: Type.Optional(Type.String({ description: 'add-guardrail: the guardrail name (new or existing)' })),
    guardrailSpec: Type.Optional(Type.Object({}, { additionalProperties: true, description: 'add-guardrail: the Guardrail spec' })),
    move: Type.Optional(Type.String({ maxLength: 1000, description: 'experiment: the move to try' })),
    metric: Type.Optional(Type.String({ maxLength: 1000, description: 'experiment: the metric to watch' })),
    to: Type.Optional(Type.String({ description: 'escalate: the cell it goes to' })),
    reason: Type.Optional(Type.String({ maxLength: 4000, description: 'escalate and drop: why' })),
    result: Type.Optional(Type.String({ maxLength: 4000, description: 'deciding an experiment review: what the experiment showed' })),
  },
  { additionalProperties: false, $id: 'OutcomeInput', title: 'OutcomeInput' },
);
export type OutcomeInput = Static<typeof OutcomeInputSchema>;

/** Checks that the outcome has what it needs and turns a relative review date into a date. */
export function checkOutcomeInput(input: OutcomeInput, now: Date): OutcomeInput {
  const need = (field: keyof OutcomeInput, what: string) => {
    const value = input[field];
    if (value === undefined || (typeof value === 'string' && value.trim() === '')) {
      throw new InputError(`The ${input.outcome} outcome needs ${field}: ${what}.`, { field });
    }
  };
  switch (input.outcome) {
    case 'change-agreement':
      need('agreement', 'the name of the agreement to change');
      if (Object.keys(input.set ?? {}).length === 0 && (input.unset ?? []).length === 0) {
        throw new InputError('The change-agreement outcome needs set (field path → value, e.g. {"spec.reviewDate": "2026-03-01"}) or unset.', { field: 'set' });
      }
      break;
    case 'add-guardrail':
      need('guardrail', 'the name of the guardrail to add or change');
      need('guardrailSpec', 'its spec: target, expression, action and message');
      break;
    case 'experiment':
      need('move', 'the move to try');
      need('metric', 'the metric to watch');
      break;
    case 'escalate':
    case 'drop':
      need('reason', `why it is ${input.outcome === 'drop' ? 'dropped' : 'escalated'}`);
      break;
  }
  if (!input.rationale?.trim() && !input.reason?.trim()) {
    throw new InputError('A decision needs a rationale: why this outcome, by the criteria weighed (rationale).', { field: 'rationale' });
  }
  return { ...input, ...(input.reviewDate !== undefined ? { reviewDate: resolveDate(input.reviewDate, now, 'reviewDate') } : {}) };
}

/** `YYYY-MM-DD` as given, or a duration (`2w`) from now as a date. */
export function resolveDate(text: string, now: Date, field: string): string {
  if (DATE.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`))) return text;
  if (isDuration(text)) return new Date(now.getTime() + parseDuration(text, field)).toISOString().slice(0, 10);
  throw new InputError(`${field} "${text}" is neither a date (YYYY-MM-DD) nor a duration from now (e.g. 2w).`, { field });
}
