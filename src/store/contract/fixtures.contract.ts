/** Shared fixtures of the store contract suite (test code; excluded from the build like every *.contract.ts). */
import type { CloudEvent, Manifest, StoredEvent } from '../../model/index.js';
import type { ManualClock } from '../../shared/index.js';
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
