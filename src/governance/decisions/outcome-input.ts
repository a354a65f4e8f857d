import type { OutcomeInput } from '../../model/index.js';
import { InputError, isDuration, parseDuration } from '../../shared/index.js';

export { OUTCOMES, type Outcome, type OutcomeInput } from '../../model/index.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

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
        throw new InputError(
          'The change-agreement outcome needs set (field path → value, e.g. {"spec.reviewDate": "2026-03-01"}) or unset.',
          { field: 'set' },
        );
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
    throw new InputError('A decision needs a rationale: why this outcome, by the criteria weighed (rationale).', {
      field: 'rationale',
    });
  }
  return {
    ...input,
    ...(input.reviewDate !== undefined ? { reviewDate: resolveDate(input.reviewDate, now, 'reviewDate') } : {}),
  };
}

/** `YYYY-MM-DD` as given, or a duration (`2w`) from now as a date. */
export function resolveDate(text: string, now: Date, field: string): string {
  if (DATE.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`))) return text;
  if (isDuration(text)) return new Date(now.getTime() + parseDuration(text, field)).toISOString().slice(0, 10);
  throw new InputError(`${field} "${text}" is neither a date (YYYY-MM-DD) nor a duration from now (e.g. 2w).`, {
    field,
  });
}
