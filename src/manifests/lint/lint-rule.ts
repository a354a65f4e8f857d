import type { Manifest } from '../../model/index.js';
import { formatPath, type Finding, type Severity } from '../finding.js';
import type { OrgModel } from '../org-model.js';

/** What a rule may consult besides the model. */
export interface LintContext {
  /** Today, for rules about dates (collaborations that ran out). */
  now: Date;
  /** `kind:name` of manifests that exist but failed their schema: references to them are not dangling. */
  declared: ReadonlySet<string>;
}

/** One boundary or consistency check over a whole organization. */
export interface LintRule {
  /** Stable, kebab-case: `domain-owner`. */
  id: string;
  /** The usual severity; a finding may be milder or stricter (a deny guardrail vs a warn one). */
  severity: Severity;
  /** What the rule looks for, in one sentence. */
  description: string;
  check(model: OrgModel, context: LintContext): Finding[];
}

/** Builds a finding of `rule` at `path` inside `manifest`, located in its file when it has one. */
export function findingAt(
  model: OrgModel,
  rule: Pick<LintRule, 'id' | 'severity'>,
  manifest: Manifest,
  path: readonly (string | number)[],
  message: string,
  hint: string,
  options: { severity?: Severity; target?: 'key' | 'value'; line?: number; column?: number } = {},
): Finding {
  const location = model.locate(manifest, path, options.target ?? 'value');
  return {
    ruleId: rule.id,
    severity: options.severity ?? rule.severity,
    ...location,
    ...(options.line !== undefined ? { line: options.line, column: options.column ?? location.column } : {}),
    kind: manifest.kind,
    name: manifest.metadata.name,
    ...(path.length ? { path: formatPath(path) } : {}),
    message,
    hint,
  };
}

/** `cells/risk.yaml:12:7`, or the manifest's reference when it has no file. */
export function describeLocation(model: OrgModel, manifest: Manifest, path: readonly (string | number)[] = []): string {
  const { file, line, column } = model.locate(manifest, path);
  return file ? `${file}:${line}:${column}` : `${manifest.kind}/${manifest.metadata.name}`;
}

/** The name in a `prefix:name` reference (and drops a template version). */
export function refName(ref: string): string {
  return ref.slice(ref.indexOf(':') + 1).replace(/@\d+$/, '');
}
