import type { Kysely } from 'kysely';
import { systemClock, type Clock } from '../shared/index.js';
import { createEventLog } from './event-log.js';
import { createManifestStore } from './manifest-store.js';
import { runMigrations } from './migrations/run-migrations.js';
import type { Repositories, Store } from './ports.js';
import type { RepositoryContext } from './repository-context.js';
import type { StoreDialect } from './store-dialect.js';
import type { Tables } from './tables.js';
import { createTokenStore } from './token-store.js';
import { uniqueKeyConflict } from './kit/unique-conflict.js';

/** Options every adapter accepts. */
export interface StoreOptions {
  /** Stamps `recordedAt`, `appliedAt` and token times; tests where time is the subject pass a ManualClock. */
  clock?: Clock;
}

/** Assembles a Store from an adapter's Kysely instance and its dialect; called by sqlite/ and postgres/. */
export function createStore(db: Kysely<Tables>, dialect: StoreDialect, options: StoreOptions = {}): Store {
  const context: RepositoryContext = { dialect, clock: options.clock ?? systemClock };
  const bind = (executor: Kysely<Tables>): Repositories => ({
    events: createEventLog(executor, context),
    manifests: createManifestStore(executor, context),
    tokens: createTokenStore(executor, context),
    db: executor,
  });
  let closing: Promise<void> | undefined;
  return {
    ...bind(db),
    capabilities: dialect.capabilities,
    // A unique key taken meanwhile is a conflict whatever the backend; the dialect knows its error codes.
    transaction: (work) =>
      db
        .transaction()
        .execute((tx) => work(bind(tx)))
        .catch((error: unknown) => {
          throw dialect.isUniqueViolation(error) ? uniqueKeyConflict(error) : error;
        }),
    migrate: (migrations) => runMigrations(db, dialect, migrations),
    close: () => (closing ??= db.destroy()),
  };
}
