import type { LintRule } from '../manifests/index.js';
import type { StoreMigration } from '../store/index.js';

/**
 * What a feature module brings to the composition root: the tables it owns and the lint rules it adds to
 * `cello validate` and `apply`. src/app holds the one list of modules and passes these on; nothing registers
 * itself when a file is imported.
 */
export interface FeatureModule {
  /** The module's name, for logs and error messages. */
  readonly name: string;
  /** Its schema changes, each named `YYYYMMDD-HHMM-<module>-<what>`. */
  readonly migrations: readonly StoreMigration[];
  readonly lintRules: readonly LintRule[];
}

/** A created module's lifecycle: src/app starts the modules in list order and stops them in reverse. */
export interface Service {
  /** Begins background work (reading the log, timers, outboxes); resolves once it runs. */
  start(): Promise<void>;
  /** Stops background work and waits for what is in progress. */
  stop(): Promise<void>;
}
