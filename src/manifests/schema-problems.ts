import { FormatRegistry, Kind, type TSchema } from '@sinclair/typebox';
import { Value, ValueErrorType, type ValueError } from '@sinclair/typebox/value';
import { isCelloError } from '../shared/index.js';
import { parseRef, type RefPrefix } from '../model/index.js';
import { didYouMean, suggestion } from './did-you-mean.js';
import { formatPath } from './finding.js';

/** A schema violation inside one manifest, before it is given a file position. */
export interface SchemaProblem {
  ruleId: 'unknown-field' | 'missing-field' | 'invalid-value';
  path: (string | number)[];
  /** Point at the key (unknown or missing fields) or at the value (wrong values). */
  target: 'key' | 'value';
  message: string;
  hint: string;
}

// TypeBox checks formats through a registry; the manifest schemas use `email`.
if (!FormatRegistry.Has('email')) FormatRegistry.Set('email', (value) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value));

type Schema = TSchema & Record<string, unknown>;

/** Every way `value` breaks `schema`, one problem per path, each with a message and a fix. */
export function schemaProblems(schema: TSchema, value: unknown, base: (string | number)[] = []): SchemaProblem[] {
  // The fast check first: most manifests are valid, and walking errors costs far more than checking.
  if (Value.Check(schema, value)) return [];
  const problems: SchemaProblem[] = [];
  const reported: string[] = [];
  for (const error of Value.Errors(schema, value)) {
    const path = [...base, ...splitPointer(error.path)];
    const key = formatPath(path);
    // One problem per place: a missing `spec` need not also be "not an object", nor its children reported.
    if (reported.some((r) => key === r || key.startsWith(`${r}.`) || key.startsWith(`${r}[`))) continue;
    const found = describe(error, path);
    if (found.length === 0) continue;
    reported.push(key);
    problems.push(...found);
  }
  return problems;
}

function describe(error: ValueError, path: (string | number)[]): SchemaProblem[] {
  const schema = error.schema as Schema;
  const where = formatPath(path) || 'the manifest';
  const parent = formatPath(path.slice(0, -1)) || 'the manifest';
  const last = String(path[path.length - 1] ?? '');
  const value = error.value;
  const invalid = (message: string, hint: string): SchemaProblem[] => [
    { ruleId: 'invalid-value', path, target: 'value', message, hint },
  ];
  switch (error.type) {
    case ValueErrorType.ObjectAdditionalProperties: {
      const allowed = Object.keys((schema.properties as Record<string, unknown> | undefined) ?? {});
      const match = didYouMean(last, allowed);
      return [
        {
          ruleId: 'unknown-field',
          path,
          target: 'key',
          message: `${parent} has an unknown field "${last}"${match ? `; did you mean "${match}"?` : '.'}`,
          hint: match
            ? `rename "${last}" to "${match}"`
            : `remove "${last}"; the fields allowed here are ${allowed.join(', ')}`,
        },
      ];
    }
    case ValueErrorType.ObjectRequiredProperty:
      return [
        {
          ruleId: 'missing-field',
          path,
          target: 'key',
          message: `${parent} is missing the required field "${last}".`,
          hint: `add ${last}:${schema.description ? ` (${String(schema.description)})` : ''}`,
        },
      ];
    case ValueErrorType.Union:
      return unionProblems(schema, value, path, where);
    case ValueErrorType.Literal:
      return invalid(
        `${where} is ${JSON.stringify(value)}, but it must be ${JSON.stringify(schema.const)}.`,
        `write ${JSON.stringify(schema.const)}`,
      );
    case ValueErrorType.StringPattern:
      return invalid(
        patternMessage(schema, String(value), where),
        `write it as ${String(schema.description ?? `a string matching ${String(schema.pattern)}`)}`,
      );
    case ValueErrorType.StringMinLength:
      return value === ''
        ? invalid(`${where} is empty.`, 'write a value or remove the field')
        : invalid(
            `${where} is shorter than ${String(schema.minLength)} characters.`,
            `write at least ${String(schema.minLength)} characters`,
          );
    case ValueErrorType.StringMaxLength:
      return invalid(
        `${where} is ${String(value).length} characters long, over the limit of ${String(schema.maxLength)}.`,
        'shorten it',
      );
    case ValueErrorType.StringFormat:
      return invalid(
        `${where} is "${String(value)}", which is not a valid ${String(schema.format)}.`,
        `write a valid ${String(schema.format)}`,
      );
    case ValueErrorType.ArrayMinItems:
      return invalid(
        `${where} needs at least ${String(schema.minItems)} item${schema.minItems === 1 ? '' : 's'}.`,
        'add an item as a line starting with "- "',
      );
    case ValueErrorType.NumberMinimum:
    case ValueErrorType.IntegerMinimum:
      return invalid(
        `${where} is ${String(value)}; it must be at least ${String(schema.minimum)}.`,
        `use a value of ${String(schema.minimum)} or more`,
      );
    case ValueErrorType.NumberMaximum:
    case ValueErrorType.IntegerMaximum:
      return invalid(
        `${where} is ${String(value)}; it must be at most ${String(schema.maximum)}.`,
        `use a value of ${String(schema.maximum)} or less`,
      );
    case ValueErrorType.NumberExclusiveMinimum:
    case ValueErrorType.IntegerExclusiveMinimum:
      return invalid(
        `${where} is ${String(value)}; it must be greater than ${String(schema.exclusiveMinimum)}.`,
        `use a value above ${String(schema.exclusiveMinimum)}`,
      );
    case ValueErrorType.String:
    case ValueErrorType.Number:
    case ValueErrorType.Integer:
    case ValueErrorType.Boolean:
    case ValueErrorType.Array:
    case ValueErrorType.Object:
      return invalid(
        `${where} should be ${TYPE_NAMES[error.type]}, but it is ${describeValue(value)}.`,
        TYPE_HINTS[error.type] ?? 'see `cello schema` for the expected form',
      );
    default:
      return invalid(`${where}: ${error.message}.`, 'see `cello schema` for the expected form');
  }
}

const TYPE_NAMES: Partial<Record<ValueErrorType, string>> = {
  [ValueErrorType.String]: 'a string',
  [ValueErrorType.Number]: 'a number',
  [ValueErrorType.Integer]: 'a whole number',
  [ValueErrorType.Boolean]: 'true or false',
  [ValueErrorType.Array]: 'a list',
  [ValueErrorType.Object]: 'a mapping',
};
const TYPE_HINTS: Partial<Record<ValueErrorType, string>> = {
  [ValueErrorType.String]: 'write text; quote it if it looks like a number, a date or true/false',
  [ValueErrorType.Number]: 'write a number without quotes, e.g. 0.95',
  [ValueErrorType.Integer]: 'write a whole number without quotes, e.g. 5',
  [ValueErrorType.Boolean]: 'write true or false without quotes',
  [ValueErrorType.Array]: 'write a list: one item per line, each starting with "- "',
  [ValueErrorType.Object]: 'write a mapping: indented "key: value" lines',
};

function unionProblems(schema: Schema, value: unknown, path: (string | number)[], where: string): SchemaProblem[] {
  const variants = (schema.anyOf as Schema[] | undefined) ?? [];
  const literals = variants.filter((v) => v[Kind] === 'Literal').map((v) => String(v.const));
  if (literals.length === variants.length && literals.length > 0) {
    const guess = typeof value === 'string' ? suggestion(value, literals) : '';
    return [
      {
        ruleId: 'invalid-value',
        path,
        target: 'value',
        message: `${where} is ${JSON.stringify(value)}, which is not one of ${literals.join(', ')}${guess || '.'}`,
        hint: `use one of: ${literals.join(', ')}`,
      },
    ];
  }
  const objects = variants.filter((v) => v[Kind] === 'Object');
  if (value && typeof value === 'object' && !Array.isArray(value) && objects.length === variants.length) {
    const keys = Object.keys(value);
    const variant = objects.find((v) => keys.length > 0 && keys.every((k) => k in ((v.properties as object) ?? {})));
    if (variant) return schemaProblems(variant, value, path);
    // Each variant is one action named by its single key: say which keys exist.
    const names = objects.flatMap((v) => ((v.required as string[] | undefined) ?? []).slice(0, 1));
    const unknown = keys.find((k) => !names.includes(k));
    const guess = unknown ? suggestion(unknown, names) : '';
    return [
      {
        ruleId: 'invalid-value',
        path,
        target: 'value',
        message:
          keys.length === 0
            ? `${where} is empty; it needs exactly one of ${names.join(', ')}.`
            : `${where} has ${keys.map((k) => `"${k}"`).join(', ')}, but it needs exactly one of ${names.join(', ')}${guess || '.'}`,
        hint: `write exactly one of: ${names.join(', ')}`,
      },
    ];
  }
  const kinds = variants.map((v) => String(v.type ?? v[Kind]).toLowerCase());
  return [
    {
      ruleId: 'invalid-value',
      path,
      target: 'value',
      message: `${where} should be ${kinds.join(' or ')}, but it is ${describeValue(value)}.`,
      hint: `write a ${kinds.join(' or a ')}`,
    },
  ];
}

function patternMessage(schema: Schema, value: string, where: string): string {
  const refPrefixes = /^\^\(([a-z|]+)\):/.exec(String(schema.pattern ?? ''))?.[1];
  if (refPrefixes) {
    try {
      parseRef(value, refPrefixes.split('|') as RefPrefix[]);
    } catch (error) {
      if (isCelloError(error)) return `${where}: ${error.message}`;
    }
  }
  return `${where} is "${value}", which does not have the expected form (${String(schema.description ?? schema.pattern)}).`;
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 37)}...` : value}"`;
  return `the ${typeof value} ${String(value)}`;
}

function splitPointer(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}
