import type { ColumnType } from 'kysely';
import type { ManifestKind } from '../model/index.js';

/**
 * Column types of the tables the store itself creates, for Kysely's typed query builder. Feature modules type
 * their own tables (`db.withTables<…>()`) and bring the migrations that create them.
 *
 * Conventions (the same on SQLite and PostgreSQL):
 * - JSON is stored as text and parsed once, at the edge that reads the row.
 * - Booleans are integers 0/1 (SQLite has no boolean, and better-sqlite3 cannot bind `true`).
 * - Records people read (`recorded_at`, `applied_at`, `created_at` of tokens) are RFC 3339 text
 *   in UTC with milliseconds (`2026-01-05T09:00:00.000Z`): fixed width, so text order is time order.
 * - Times the system schedules or measures (`events.time_ms`, modules' outboxes) are epoch milliseconds.
 * - 64-bit integers come back as JS numbers on both backends (safe up to 2^53).
 */
export interface Tables {
  events: EventsTable;
  manifest_versions: ManifestVersionsTable;
  manifest_heads: ManifestHeadsTable;
  tokens: TokensTable;
}

/** A column written once and never updated. */
type Frozen<T> = ColumnType<T, T, never>;

/** The append-only log. Rows are written only by `EventLog.append`, never updated or deleted. */
export interface EventsTable {
  /** Position in the log: gap-free and increasing in commit order (see ARCHITECTURE.md). */
  seq: Frozen<number>;
  id: Frozen<string>;
  source: Frozen<string>;
  type: Frozen<string>;
  subject: Frozen<string | null>;
  /** The producer's `time`, verbatim. */
  time: Frozen<string | null>;
  /** Epoch ms of `time`, or of `recorded_at` when the event has none: what time filters and the time index use. */
  time_ms: Frozen<number>;
  recorded_at: Frozen<string>;
  datacontenttype: Frozen<string | null>;
  dataschema: Frozen<string | null>;
  /** `JSON.stringify(data)`; null when the event has no data or binary data. */
  data: Frozen<string | null>;
  data_base64: Frozen<string | null>;
  /** JSON object of extension attributes; null when there are none. */
  extensions: Frozen<string | null>;
  /** The cell whose token published the event; null for the admin and the system. */
  publisher: Frozen<string | null>;
}

/** Every version of every manifest ever applied; a removal is a version too. */
export interface ManifestVersionsTable {
  kind: Frozen<ManifestKind>;
  name: Frozen<string>;
  /** 1, 2, 3… per (kind, name). */
  version: Frozen<number>;
  /** The manifest as JSON text; a removal row carries the manifest as it was when removed. */
  manifest: Frozen<string>;
  hash: Frozen<string>;
  applied_at: Frozen<string>;
  /** 1 on the version that records a removal. */
  removed: Frozen<number>;
}

/** The latest version per (kind, name), so reading the current manifests is one indexed join. */
export interface ManifestHeadsTable {
  kind: ManifestKind;
  name: string;
  version: number;
  /** 1 when the latest version is a removal. */
  removed: number;
}

/** API tokens; only the hash of the secret is stored. */
export interface TokensTable {
  id: string;
  hash: string;
  cell: string | null;
  /** The member of the cell the token was issued to, when named. */
  member: string | null;
  admin: number;
  label: string | null;
  created_at: string;
  revoked_at: string | null;
}
