import type { Runtime } from '../engine/index.js';
import { buildOrgModel, type OrgModel } from '../manifests/index.js';
import type { CloudEvent, ManifestOf } from '../model/index.js';
import { isUniqueKeyConflict, type Repositories } from '../store/index.js';
import { governanceDb, type GovernanceDb } from './governance-db.js';
import type { CompiledGovernanceOptions } from './governance-options.js';
import { recordRepository, type RecordRepository } from './decisions/record-repository.js';
import { reviewRepository, type ReviewRepository } from './reviews/review-repository.js';
import { routeTension, type Route } from './tensions/route-tension.js';
import type { Criterion } from './tensions/score-tension.js';
import { tensionRepository, type TensionRepository } from './tensions/tension-repository.js';

/** The repositories governance uses, bound to one executor. */
export interface GovernanceRepos {
  tensions: TensionRepository;
  records: RecordRepository;
  reviews: ReviewRepository;
  /** The store's own repositories (manifests, events) on the same executor. */
  store: Repositories;
  db: GovernanceDb;
}

/**
 * `lockRows` (the store is shared by processes): read-modify-write paths lock the rows they change
 * (`SELECT … FOR UPDATE`), so concurrent reports, votes and decisions do not lose each other's updates.
 * SQLite needs none: its write transactions already exclude each other.
 */
export function reposOf(store: Repositories, lockRows = false): GovernanceRepos {
  const db = governanceDb(store.db);
  return {
    tensions: tensionRepository(db, lockRows),
    records: recordRepository(db, lockRows),
    reviews: reviewRepository(db, lockRows),
    store,
    db,
  };
}

/** A file to write once the transaction that decided it has committed. */
export interface PendingWrite {
  file: string;
  text: string;
}

/** What every governance service shares: the runtime, the options and the organization as a model. */
export interface GovernanceContext {
  runtime: Runtime;
  options: CompiledGovernanceOptions;
  now(): Date;
  /** The applied organization, resolved for lookups (built once per apply). */
  model(): OrgModel;
  route(tensionType: string): Route;
  criteria(): Criterion[];
  tensionTypes(): string[] | undefined;
  organization(): ManifestOf<'Organization'> | undefined;
  /** Reads outside a transaction. */
  read(): GovernanceRepos;
  /** Runs a change and appends the events that record it, in one transaction. */
  record<T>(work: (repos: GovernanceRepos) => Promise<{ result: T; events: CloudEvent[] }>): Promise<T>;
}

/**
 * Attempts of a change that lost a race for a unique key (the next T-, D-, R- number, one tension per detector
 * subject): two processes sharing a PostgreSQL store may insert the same one at once; the loser's transaction fails
 * with a unique-key conflict (the store's dialect recognises it) and is simply run again, reading the winner's row.
 */
const MAX_ATTEMPTS = 3;

export function createGovernanceContext(runtime: Runtime, options: CompiledGovernanceOptions): GovernanceContext {
  const models = new WeakMap<object, OrgModel>();
  const model = (): OrgModel => {
    const view = runtime.org();
    let built = models.get(view);
    if (!built) {
      built = buildOrgModel(view.manifests);
      models.set(view, built);
    }
    return built;
  };
  const organization = () => model().organization;
  const lockRows = runtime.store.capabilities.sharedByProcesses;
  return {
    runtime,
    options,
    now: () => runtime.clock.now(),
    model,
    route: (type) => routeTension(model(), type),
    criteria: () => (organization()?.spec.criteria ?? []).map((c) => ({ name: c.name, weight: c.weight })),
    tensionTypes: () => organization()?.spec.tensionTypes.map((t) => t.name),
    organization,
    read: () => reposOf(runtime.store),
    record: async (work) => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await runtime.publisher.record((tx) => work(reposOf(tx, lockRows)));
        } catch (error) {
          if (attempt >= MAX_ATTEMPTS || !isUniqueKeyConflict(error)) throw error;
        }
      }
    },
  };
}
