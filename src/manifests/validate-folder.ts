import type { Manifest } from '../model/index.js';
import { hasErrors, sortFindings, summarizeFindings, type Finding, type FindingSummary } from './finding.js';
import { runLintRules } from './lint-rules.js';
import type { LintRule } from './lint/lint-rule.js';
import { loadManifestFolder, type LoadOptions } from './load-manifest-folder.js';
import { buildOrgModel, type LoadedManifest, type OrgModel } from './org-model.js';

/** The outcome of validating a folder: usable only as a whole, and only when `ok`. */
export interface ValidationResult {
  /** True when no finding is at error level: only then may the manifests be applied. */
  ok: boolean;
  /** Every manifest that passed its schema, in file order. */
  manifests: Manifest[];
  loaded: LoadedManifest[];
  org: OrgModel;
  /** Every problem, sorted by file, line and column. */
  findings: Finding[];
  summary: FindingSummary & { files: number; manifests: number };
}

/**
 * Loads a folder, resolves the organization and runs every lint rule: all problems at once. `rules` defaults to
 * the built-in ones; src/app passes those and the rules its modules bring.
 */
export async function validateFolder(
  dir: string,
  options: LoadOptions & { now?: Date; rules?: readonly LintRule[] } = {},
): Promise<ValidationResult> {
  const loaded = await loadManifestFolder(dir, options);
  const org = buildOrgModel(loaded.manifests);
  const lint = runLintRules(org, { now: options.now ?? new Date(), declared: loaded.invalid }, options.rules);
  // Findings about the folder as a whole (no Organization at all) point at the folder.
  const findings = sortFindings([...loaded.findings, ...lint].map((f) => (f.file ? f : { ...f, file: dir })));
  return {
    ok: !hasErrors(findings),
    manifests: loaded.manifests.map((m) => m.manifest),
    loaded: loaded.manifests,
    org,
    findings,
    summary: { ...summarizeFindings(findings), files: loaded.files.length, manifests: loaded.manifests.length },
  };
}
