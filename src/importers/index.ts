/**
 * Importers: an organization from where its truth already lives (a Backstage catalog, CODEOWNERS, Team API
 * documents) turned into manifests with the source of every field, and merged into an org folder three-way so a
 * re-import keeps what people changed. See ARCHITECTURE.md for the invariants.
 */
export { importBackstage } from './backstage/import-backstage.js';
export { importCodeowners } from './codeowners/import-codeowners.js';
export { importTeamApi } from './team-api/import-team-api.js';
export { TeamApiDocument } from './team-api/team-api-document.js';
export {
  IMPORT_SOURCES,
  type ImportSource,
  type ImportTarget,
  type ImportedFile,
  type ImportedManifest,
  type ManifestContribution,
  type SourceImport,
} from './imported-manifest.js';
export { IMPORT_LIMITS, type ImportLimits } from './import-limits.js';
export { IMPORT_RULES, type ImportRuleId } from './import-rules.js';
export { DRAFT_LABEL } from './draft-agreement.js';
export { SOURCE_LABEL } from './imported-organization.js';
export { RECORD_DIR, recordFile, type ImportRecord } from './sync/import-record.js';
export { planSync, type FileChange, type SyncChange, type SyncConflict, type SyncPlan } from './sync/plan-sync.js';
export { syncImport, type ImportRequest } from './sync/sync-import.js';
export { formatSyncPlan } from './sync/format-sync-plan.js';
