import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { compileLinearRegex } from '../model/index.js';

/** Ajv's hook for a regex engine: `pattern` and `patternProperties` of a user's schema run on RE2, never backtracking. */
const linearRegExp = Object.assign((pattern: string) => compileLinearRegex(pattern), { code: 'cello-linear-regex' });

let ajv: Ajv | undefined;

/**
 * Compiles the JSON Schema an event offer declares for its data: what `validate`/`apply` check (offer-schema lint
 * rule) and what ingest validates each event with, so a schema that passed validation always compiles at run time.
 * Throws Ajv's error (with the schema path) when the schema is invalid or a pattern is not RE2.
 */
export function compileDataSchema(schema: object): ValidateFunction {
  if (!ajv) {
    ajv = new Ajv({ allErrors: true, strict: false, code: { regExp: linearRegExp } });
    (addFormats as unknown as (a: Ajv) => void)(ajv);
  }
  // Schemas are compiled once per apply; Ajv would otherwise keep every version of every schema it ever saw.
  const validate = ajv.compile(schema);
  ajv.removeSchema(schema);
  return validate;
}
