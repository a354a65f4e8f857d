import type { Finding, Severity } from '../manifests/index.js';

/** Every problem an import reports, with its usual severity: `error` means something was left out. */
export const IMPORT_RULES = {
  'source-unreadable': { severity: 'error', description: 'Every file and URL given or reached can be read.' },
  'location-cycle': { severity: 'error', description: 'Location targets do not lead back to a file being read.' },
  'location-outside': {
    severity: 'error',
    description: 'Location targets stay inside the folder (or URL folder) given, and use http(s) for URLs.',
  },
  'location-unresolved': { severity: 'error', description: 'Every Location target exists.' },
  'entity-malformed': {
    severity: 'error',
    description: 'Every catalog document is an entity: apiVersion, kind, a valid metadata.name, a spec mapping.',
  },
  'entity-duplicate': { severity: 'error', description: 'No entity (kind, namespace, name) is defined twice.' },
  'name-clash': { severity: 'error', description: 'No two source entities become the same Cello manifest name.' },
  'kind-unknown': { severity: 'warning', description: 'Entities of kinds Cello does not know are skipped.' },
  'kind-unmapped': { severity: 'warning', description: 'Backstage kinds without a Cello equivalent are skipped.' },
  'owner-unresolved': {
    severity: 'warning',
    description: 'Every owner names a team that is imported (or a user in exactly one such team).',
  },
  'owner-indirect': {
    severity: 'warning',
    description: 'Things are owned by teams; one owned by a person goes to the one team that person is in.',
  },
  'ref-unresolved': { severity: 'warning', description: 'Every entity reference names an imported entity.' },
  'team-without-members': { severity: 'error', description: 'Every team has at least one member to become a cell.' },
  'member-duplicate': { severity: 'warning', description: 'A person is listed once per cell (by e-mail).' },
  'ownership-split': {
    severity: 'warning',
    description: 'A component and its system, or an API and the component providing it, have one owner.',
  },
  'asyncapi-unsupported': {
    severity: 'warning',
    description: 'An AsyncAPI definition is valid in a version Cello validates, so an event offer can point at it.',
  },
  'organization-skipped': {
    severity: 'warning',
    description: 'An imported Organization is written only when the folder has none of its own.',
  },
  'codeowners-invalid': {
    severity: 'error',
    description: 'Every CODEOWNERS line is a supported pattern followed by @user, @org/team or e-mail owners.',
  },
  'codeowners-overridden': { severity: 'warning', description: 'No CODEOWNERS pattern is repeated.' },
  'owner-not-a-team': { severity: 'warning', description: 'Paths are owned by teams, not only by people.' },
  'team-api-invalid': { severity: 'error', description: 'Every Team API document follows the documented subset.' },
} as const satisfies Record<string, { severity: Severity; description: string }>;

export type ImportRuleId = keyof typeof IMPORT_RULES;

/** A finding of an import rule at a place in a source (line 0 for a whole file or URL). */
export function importFinding(
  ruleId: ImportRuleId,
  at: { file: string; line?: number; column?: number },
  message: string,
  hint: string,
  extra: { severity?: Severity; kind?: string; name?: string; path?: string } = {},
): Finding {
  return {
    ruleId,
    severity: extra.severity ?? IMPORT_RULES[ruleId].severity,
    file: at.file,
    line: at.line ?? 0,
    column: at.column ?? 0,
    ...(extra.kind ? { kind: extra.kind } : {}),
    ...(extra.name ? { name: extra.name } : {}),
    ...(extra.path ? { path: extra.path } : {}),
    message,
    hint,
  };
}
