import { createRequire } from 'node:module';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** The AsyncAPI versions an event offer may point at, validated against the official JSON Schemas. */
export const ASYNCAPI_VERSIONS = ['2.6.0', '3.0.0', '3.1.0'] as const;
export type AsyncApiVersion = (typeof ASYNCAPI_VERSIONS)[number];

/** One way an AsyncAPI document breaks its official schema. */
export interface AsyncApiProblem {
  /** Segments of the path inside the document. */
  path: (string | number)[];
  /** The same path as JSONPath: `$.components.messages["light/measured"].payload`. */
  jsonPath: string;
  message: string;
}

const MAX_PROBLEMS = 5;
const require = createRequire(import.meta.url);
const validators = new Map<AsyncApiVersion, ValidateFunction>();

/** Validates a parsed AsyncAPI document against the official schema of its `asyncapi` version. */
export function validateAsyncApiDocument(document: unknown): { version?: string; problems: AsyncApiProblem[] } {
  const version = document && typeof document === 'object' ? (document as { asyncapi?: unknown }).asyncapi : undefined;
  if (typeof version !== 'string' || !(ASYNCAPI_VERSIONS as readonly string[]).includes(version)) {
    return {
      ...(typeof version === 'string' ? { version } : {}),
      problems: [
        {
          path: ['asyncapi'],
          jsonPath: '$.asyncapi',
          message:
            typeof version === 'string'
              ? `AsyncAPI version "${version}" is not supported; use one of ${ASYNCAPI_VERSIONS.join(', ')}`
              : `the document has no "asyncapi" version field; add asyncapi: 3.0.0 (or ${ASYNCAPI_VERSIONS.join(', ')})`,
        },
      ],
    };
  }
  const validate = validatorFor(version as AsyncApiVersion);
  if (validate(document)) return { version, problems: [] };
  return { version, problems: mostSpecific(validate.errors ?? []) };
}

function validatorFor(version: AsyncApiVersion): ValidateFunction {
  let validate = validators.get(version);
  if (!validate) {
    const ajv = new Ajv({
      allErrors: true,
      strict: false,
      validateSchema: false,
      logger: false,
      inlineRefs: false,
      code: { optimize: false },
    });
    (addFormats as unknown as (a: Ajv) => void)(ajv);
    // The official schemas embed the draft-07 meta-schema under its own $id; Ajv already has one.
    ajv.removeSchema('http://json-schema.org/draft-07/schema');
    validate = ajv.compile(require(`@asyncapi/specs/schemas/${version}.json`) as object);
    validators.set(version, validate);
  }
  return validate;
}

/**
 * Keeps the leaves: the official schemas wrap most objects in oneOf(Reference, Object), so a failure deep down
 * also fails every branch above it. An error is kept when no other error sits below it.
 */
function mostSpecific(errors: readonly ErrorObject[]): AsyncApiProblem[] {
  const relevant = errors.filter(
    (e) =>
      e.keyword !== 'if' &&
      !(e.keyword === 'required' && (e.params as { missingProperty?: string }).missingProperty === '$ref'),
  );
  const items = (relevant.length > 0 ? relevant : errors).map((error) => {
    const path = [...splitPointer(error.instancePath), ...unknownKey(error)];
    const missing = (error.params as { missingProperty?: string }).missingProperty;
    return { error, path, leafKey: toJsonPath(error.keyword === 'required' && missing ? [...path, missing] : path) };
  });
  const leaves = items.filter(
    (item) =>
      !items.some((other) => other.leafKey.length > item.leafKey.length && isBelow(other.leafKey, item.leafKey)),
  );
  const problems = new Map<string, AsyncApiProblem>();
  for (const { error, path, leafKey } of leaves) {
    if (!problems.has(leafKey)) problems.set(leafKey, { path, jsonPath: toJsonPath(path), message: describe(error) });
  }
  return [...problems.values()].sort((a, b) => a.jsonPath.localeCompare(b.jsonPath)).slice(0, MAX_PROBLEMS);
}

function isBelow(path: string, parent: string): boolean {
  return path.startsWith(`${parent}.`) || path.startsWith(`${parent}[`);
}

function unknownKey(error: ErrorObject): string[] {
  if (error.keyword === 'additionalProperties')
    return [String((error.params as { additionalProperty: string }).additionalProperty)];
  return [];
}

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `"${String(params.additionalProperty)}" is not allowed here`;
    case 'required':
      return `the required field "${String(params.missingProperty)}" is missing`;
    case 'enum':
      return `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}`;
    case 'oneOf':
      return Array.isArray(params.passingSchemas)
        ? `matches more than one of the forms allowed here (schemas ${params.passingSchemas.join(' and ')} of a oneOf), so it is ambiguous`
        : 'matches none of the forms allowed here';
    default:
      return error.message ?? 'is invalid';
  }
}

/** `$.channels["user/signedup"].messages.one` from path segments. */
export function toJsonPath(path: readonly (string | number)[]): string {
  let out = '$';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) out += `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

function splitPointer(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}
