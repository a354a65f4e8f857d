/**
 * The conformance suite every store adapter passes. An adapter's test file runs it against a real backend:
 * `runStoreContract('sqlite file', async (options) => createSqliteStore({ ...options, dataDir }))`.
 */
import { afterEach, beforeEach, describe } from 'vitest';
import { ManualClock } from '../shared/index.js';
import { eventLogContract } from './contract/event-log.contract.js';
import { START, type ContractContext } from './contract/fixtures.contract.js';
import { repositoriesContract } from './contract/repositories.contract.js';
import type { StoreOptions } from './create-store.js';
import type { Store } from './ports.js';

/** Makes a fresh, empty, not yet migrated store; it must pass `options` on to the adapter. */
export type MakeStore = (options: StoreOptions) => Promise<Store>;

export function runStoreContract(name: string, makeStore: MakeStore): void {
  describe(`store contract: ${name}`, () => {
    const context = {} as ContractContext;
    beforeEach(async () => {
      context.clock = new ManualClock(START);
      context.store = await makeStore({ clock: context.clock });
      await context.store.migrate();
    });
    afterEach(async () => {
      await context.store.close();
    });

    eventLogContract(context);
    repositoriesContract(context);
  });
}
