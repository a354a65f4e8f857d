import { InputError } from '../shared/isomorphic.js';

/** Kinds a reference may point at, with their prefix in the one string form `kind:name`. */
export const REF_KINDS = {
  organization: 'Organization',
  domain: 'Domain',
  cell: 'Cell',
  agreement: 'Agreement',
  guardrail: 'Guardrail',
  decisionright: 'DecisionRight',
  template: 'Template',
  workflow: 'Workflow',
  subscription: 'Subscription',
} as const;

export type RefPrefix = keyof typeof REF_KINDS;

/** A parsed reference such as `cell:risk` or `template:case-handling@2`. */
export interface Ref {
  prefix: RefPrefix;
  kind: (typeof REF_KINDS)[RefPrefix];
  name: string;
  /** Only templates carry a version: `template:case-handling@2`. */
  version?: number;
}

export const NAME_PATTERN = '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$';
const NAME = new RegExp(NAME_PATTERN);
const REF = /^([a-z]+):([^@\s]+)(?:@(\d+))?$/;

/** Parses `kind:name` (or `template:name@version`); `expected` narrows which prefixes are allowed. */
export function parseRef(text: string, expected?: readonly RefPrefix[]): Ref {
  const match = REF.exec(text);
  const allowed = expected ?? (Object.keys(REF_KINDS) as RefPrefix[]);
  const example = `${allowed[0]}:name`;
  if (!match) {
    throw new InputError(
      `"${text}" is not a reference; write it as ${example} (one of ${allowed.map((p) => `${p}:`).join(', ')}).`,
      {
        value: text,
      },
    );
  }
  const [, prefix, name, version] = match as unknown as [string, string, string, string | undefined];
  if (!(prefix in REF_KINDS) || !allowed.includes(prefix as RefPrefix)) {
    throw new InputError(
      `"${text}" refers to a ${prefix}, but here it must be ${allowed.map((p) => `${p}:name`).join(' or ')}.`,
      {
        value: text,
      },
    );
  }
  if (!NAME.test(name)) {
    throw new InputError(
      `"${name}" in "${text}" is not a valid name; use lower-case letters, digits and dashes (e.g. ${example}).`,
      {
        value: text,
      },
    );
  }
  if (version !== undefined && prefix !== 'template') {
    throw new InputError(`"${text}" has a version, but only templates are versioned; drop "@${version}".`, {
      value: text,
    });
  }
  return {
    prefix: prefix as RefPrefix,
    kind: REF_KINDS[prefix as RefPrefix],
    name,
    ...(version !== undefined ? { version: Number(version) } : {}),
  };
}

/** The one string form of a reference. */
export function formatRef(ref: Pick<Ref, 'prefix' | 'name' | 'version'>): string {
  return `${ref.prefix}:${ref.name}${ref.version !== undefined ? `@${ref.version}` : ''}`;
}

/** The reference prefix of a manifest kind: `Cell` → `cell`. */
export function refPrefixOf(kind: string): RefPrefix {
  return kind.toLowerCase() as RefPrefix;
}
