/**
 * The store port: the event log, versioned manifests, tokens, migrations for the tables feature modules bring, and
 * the kit those modules write their tables with.
 * Adapters live in sqlite/ and postgres/ and are imported only by src/app (and tests).
 */
export type {
  AppendInput,
  AppendOutcome,
  EventColumnsQuery,
  EventColumnsRow,
  EventLog,
  EventQuery,
  ManifestStore,
  ManifestVersion,
  Repositories,
  Store,
  StoreCapabilities,
  TokenRecord,
  TokenStore,
} from './ports.js';
export { EVENT_COLUMN } from './ports.js';
export type { Tables, EventsTable, ManifestVersionsTable, ManifestHeadsTable, TokensTable } from './tables.js';
export type { ColumnTypes, StoreMigration } from './migrations/migration.js';
export { planMigrations } from './migrations/migration-plan.js';
export type { StoreOptions } from './create-store.js';
export { chunk } from './kit/chunk.js';
export { enumColumn } from './kit/enum-column.js';
export { jsonColumn, type JsonColumn } from './kit/json-column.js';
export { nextNumber } from './kit/next-number.js';
export {
  column,
  rowCodec,
  type Field,
  type ModelOf,
  type PatchOf,
  type RowCodec,
  type RowOf,
} from './kit/row-codec.js';
export { StoredRowError } from './kit/stored-row-error.js';
export { isUniqueKeyConflict, UNIQUE_KEY_TAKEN } from './kit/unique-conflict.js';
