export { loadManifestFolder, type LoadOptions, type LoadResult } from './load-manifest-folder.js';
export { validateFolder, type ValidationResult } from './validate-folder.js';
export {
  formatPath,
  hasErrors,
  sortFindings,
  summarizeFindings,
  type Finding,
  type FindingSummary,
  type Severity,
} from './finding.js';
export { buildOrgModel, type EventOffering, type LoadedManifest, type Location, type OrgModel } from './org-model.js';
export { LINT_RULES, LOAD_RULES, runLintRules } from './lint-rules.js';
export type { LintContext, LintRule } from './lint/lint-rule.js';
export { EVENT_VARIABLES, GUARDRAIL_VARIABLES, expressionSites, type ExpressionSite } from './lint/expression-sites.js';
export { manifestKey } from './lint/reference-rules.js';
export { compileDataSchema } from './data-schema.js';
export { ASYNCAPI_VERSIONS, validateAsyncApiDocument, type AsyncApiProblem } from './asyncapi-validator.js';
export { parseYamlDocuments, type Position, type YamlDocumentSource } from './yaml-source.js';
export { ALL_KINDS_SCHEMA_FILE, buildJsonSchemas, schemaFileOf, schemaText } from './json-schemas.js';
export { formatFinding, formatSummary } from './format-finding.js';
export {
  canonicalJson,
  diffFields,
  manifestHash,
  planChanges,
  type FieldChange,
  type Plan,
  type PlanAction,
  type PlanItem,
} from './plan.js';
export { applyManifests, type ApplyResult } from './apply.js';
export {
  manifestToYaml,
  removeManifestFromFolder,
  writeManifestIntoFolder,
  type FieldNote,
  type ManifestNotes,
} from './manifest-yaml.js';
export { mergeFields, type FieldConflict, type FieldMergeOptions, type FieldMergeResult } from './merge-fields.js';
export { FOLDER_LIMITS, formatBytes, readBoundedText } from './read-bounded-text.js';
export { schemaProblems, type SchemaProblem } from './schema-problems.js';
