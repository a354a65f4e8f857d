import { Type, type TString } from '@sinclair/typebox';
import { NAME_PATTERN } from '../ref.js';

/** A manifest name: lower-case letters, digits and dashes, at most 63 characters. */
export const Name = Type.String({ pattern: NAME_PATTERN, description: 'lower-case letters, digits and dashes' });

/** A duration such as `30s`, `15m`, `4h`, `28d`, `6w`. */
export const Duration = Type.String({
  pattern: '^\\d+(\\.\\d+)?(ms|s|m|h|d|w)$',
  description: 'e.g. 30s, 15m, 4h, 28d, 6w',
});

/** A calendar date, `YYYY-MM-DD`. */
export const DateString = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'a date, YYYY-MM-DD' });

/** A CEL expression, compiled and cost-checked when loaded. */
export const Expression = Type.String({ minLength: 1, maxLength: 4096, description: 'a CEL expression' });

/** A CloudEvents type, reverse-DNS: `com.acme.risk.score.changed`. */
export const EventType = Type.String({
  pattern: '^[a-z0-9]+(\\.[a-z0-9-]+)+$',
  description: 'reverse-DNS, e.g. com.acme.risk.score.changed',
});

/** A reference of one of the given prefixes: `cell:risk`. */
export function RefTo(...prefixes: string[]): TString {
  return Type.String({
    pattern: `^(${prefixes.join('|')}):[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?${prefixes.includes('template') ? '(@\\d+)?' : ''}$`,
    description: `a reference: ${prefixes.map((p) => `${p}:name`).join(' or ')}`,
  });
}

/** Object schemas are closed: an unknown field is an error, not a silent no-op. */
export const closed = { additionalProperties: false } as const;
