/** Shared fixtures of the store contract suite (test code; excluded from the build like every *.contract.ts). */
import type { CloudEvent, Manifest, StoredEvent } from '../../model/index.js';
import type { ManualClock } from '../../shared/index.js';
import type { StoreMigration } from '../migrations/migration.js';
import type { Store } from '../ports.js';

/** The store under test and its clock, replaced before each test. */
export interface ContractContext {
  store: Store;
  clock: ManualClock;
}

export const SOURCE = 'https://acme.test/risk';
export const START = '2026-01-05T09:00:00.000Z';

export function event(id: string, extra: Partial<CloudEvent> = {}): CloudEvent {
  return { specversion: '1.0', id, source: SOURCE, type: 'com.acme.risk.scored', ...extra };
}

export function domain(name: string, purpose: string): Manifest {
  return { apiVersion: 'cello/v1', kind: 'Domain', metadata: { name }, spec: { purpose } };
}

export const ids = (events: StoredEvent[]) => events.map((e) => e.id);

/** A module's table as the contract exercises it: numbered rows that reference logged events. */
export interface ContractWidgetsTable {
  id: string;
  number: number;
  event_seq: number;
}

/** The migration a module would bring for {@link ContractWidgetsTable}, written once for every backend. */
export const contractWidgets: StoreMigration = {
  name: '20261121-0700-contract-widgets',
  async up(db, c) {
    await db.schema
      .createTable('contract_widgets')
      .addColumn('id', c.key, (col) => col.primaryKey())
      .addColumn('number', 'integer', (col) => col.notNull().unique())
      .addColumn('event_seq', c.bigint, (col) => col.notNull().references('events.seq'))
      .execute();
  },
};
