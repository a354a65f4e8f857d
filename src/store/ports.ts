import type { Kysely } from 'kysely';
import type { CloudEvent, Manifest, ManifestKind, StoredEvent } from '../model/index.js';
import type { StoreMigration } from './migrations/migration.js';
import type { Tables } from './tables.js';

/** What differs between backends, as flags rather than `if (backend === …)`. */
export interface StoreCapabilities {
  /** Human name of the backend, for logs and `/readyz`. */
  readonly backend: string;
  /** Several `cello serve` processes may share this store (PostgreSQL), so claims need row locks. */
  readonly sharedByProcesses: boolean;
  /** `SELECT … FOR UPDATE SKIP LOCKED` is available for claiming work rows. */
  readonly skipLocked: boolean;
}

/** One event to append, and which cell published it (absent for the admin or the system). */
export interface AppendInput {
  event: CloudEvent;
  publisher?: string;
}

/** Where an appended event landed; `duplicate` when (source, id) was already in the log. */
export interface AppendOutcome {
  seq: number;
  duplicate: boolean;
}

export interface EventQuery {
  /** Exact types, or prefixes ending in `.*`. */
  types?: string[];
  source?: string;
  subject?: string;
  /** Inclusive lower bound on the event time (RFC 3339). */
  from?: string;
  /** Exclusive upper bound on the event time (RFC 3339). */
  to?: string;
  /** Only events after this position (the cursor). */
  afterSeq?: number;
  limit: number;
}

/**
 * What `EventLog.scanColumns` reads: a few columns of every event, in log order, for mining and detectors that
 * would waste most of their time parsing whole events. JSON columns come back as text, parsed by the caller only
 * where it needs them.
 */
export interface EventColumnsQuery {
  /** Only events after this position. */
  afterSeq?: number;
  /** Rows per batch (default 10 000). */
  batchSize?: number;
  /** Exact types, or prefixes ending in `.*`. */
  types?: string[];
  /** Inclusive lower bound on the event time, epoch ms. */
  fromMs?: number;
  /** Exclusive upper bound on the event time, epoch ms. */
  toMs?: number;
  /** Also return the extensions (JSON text): of every event, or only of events without a subject (for a `caseid` fallback). */
  extensions?: 'all' | 'without-subject';
  /** Rows that also carry id, source, time and data (JSON text): every row, or those of these exact types. */
  whole?: boolean | string[];
  /** `false` skips the publisher column (a reader that needs no resource): the slot is absent, or null when later slots follow. Default true. */
  publisher?: boolean;
}

/**
 * One event as `scanColumns` returns it: a tuple, not an object, because a tuple is what the database hands over
 * cheapest (mining reads a million of them). Read it with {@link EVENT_COLUMN}. Slots the query did not ask for
 * hold null, or are absent at the end of the tuple (the last five when neither `extensions` nor `whole` was asked
 * for, the publisher too when `publisher: false`).
 */
export type EventColumnsRow = [
  seq: number,
  type: string,
  subject: string | null,
  /** Epoch ms of the event's time (its `time`, or when it was recorded). */
  timeMs: number,
  /** The cell whose token published it; null for the admin and Cello itself (absent when the query skipped it). */
  publisher?: string | null,
  /** JSON text of the extension attributes. */
  extensions?: string | null,
  id?: string | null,
  source?: string | null,
  time?: string | null,
  /** JSON text of the data. */
  data?: string | null,
];

/** Where each column sits in an {@link EventColumnsRow}. */
export const EVENT_COLUMN = {
  seq: 0,
  type: 1,
  subject: 2,
  timeMs: 3,
  publisher: 4,
  extensions: 5,
  id: 6,
  source: 7,
  time: 8,
  data: 9,
} as const;

/** The append-only log of CloudEvents. Appends are idempotent on (source, id). */
export interface EventLog {
  /** Appends in order; a (source, id) already present is reported as a duplicate, not stored again. */
  append(inputs: AppendInput[]): Promise<AppendOutcome[]>;
  query(query: EventQuery): Promise<StoredEvent[]>;
  get(seq: number): Promise<StoredEvent | undefined>;
  /** The highest committed position, 0 for an empty log. */
  lastSeq(): Promise<number>;
  /** Reads the whole log (or from `afterSeq`) in batches, oldest first, without loading it all. */
  scan(options?: { afterSeq?: number; batchSize?: number; types?: string[] }): AsyncIterable<StoredEvent[]>;
  /** Reads chosen columns of the log in batches, oldest first: the fast path for mining (no object per event beyond the row). */
  scanColumns(query?: EventColumnsQuery): AsyncIterable<EventColumnsRow[]>;
}

/** A stored manifest version. */
export interface ManifestVersion {
  kind: ManifestKind;
  name: string;
  version: number;
  manifest: Manifest;
  /** Content hash of the canonical JSON; equal hashes mean nothing changed. */
  hash: string;
  appliedAt: string;
  /** Set on the version that records a removal. */
  removed: boolean;
}

/** Manifests as versioned projections; every apply keeps history. */
export interface ManifestStore {
  /** The current (latest, not removed) manifests. */
  current(kind?: ManifestKind): Promise<ManifestVersion[]>;
  get(kind: ManifestKind, name: string): Promise<ManifestVersion | undefined>;
  history(kind: ManifestKind, name: string): Promise<ManifestVersion[]>;
  /** Writes a new version (or a removal when `manifest` is null) and returns its number. */
  put(kind: ManifestKind, name: string, manifest: Manifest | null, hash: string): Promise<number>;
}

export interface TokenRecord {
  id: string;
  /** The cell the token acts for; absent for admin tokens. */
  cell?: string;
  /** The member of the cell it was issued to (whose roles decide what it may decide), when named. */
  member?: string;
  admin: boolean;
  label?: string;
  createdAt: string;
  revokedAt?: string;
}

/** API tokens, stored only as hashes. */
export interface TokenStore {
  create(record: {
    id: string;
    hash: string;
    cell?: string;
    member?: string;
    admin: boolean;
    label?: string;
  }): Promise<TokenRecord>;
  findByHash(hash: string): Promise<TokenRecord | undefined>;
  list(): Promise<TokenRecord[]>;
  revoke(id: string): Promise<void>;
}

/** Repositories bound to one executor: the root database, or a transaction. */
export interface Repositories {
  events: EventLog;
  manifests: ManifestStore;
  tokens: TokenStore;
  /** Typed query builder for projections other modules own (deliveries, tensions, workflow instances…). */
  db: Kysely<Tables>;
}

/** The store port: repositories, transactions, migrations and lifecycle. */
export interface Store extends Repositories {
  readonly capabilities: StoreCapabilities;
  /**
   * Runs `work` in one transaction: everything done through `tx` commits together or not at all.
   * Inside `work`, use only `tx`: the root store's writers wait for this transaction to end. When the database
   * refuses a write for a unique key taken meanwhile, the transaction fails with a ConflictError whose
   * `details.reason` is `unique-key-taken` (see `isUniqueKeyConflict`), on every backend.
   */
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
  /**
   * Brings the schema up to date: the store's own tables, then those of the modules' `migrations` (src/app passes
   * what its modules bring). Safe to call on every start. A database that ran migrations this list lacks is
   * refused (a newer build migrated it).
   */
  migrate(migrations?: readonly StoreMigration[]): Promise<void>;
  close(): Promise<void>;
}
