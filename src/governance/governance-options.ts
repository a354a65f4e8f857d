import { InputError } from '../shared/index.js';

/** The detectors built in here, and the tension type each raises unless told otherwise. */
export const DEFAULT_DETECTOR_TYPES = {
  'dead-letters': 'interface',
  'boundary-lint': 'boundary',
  guardrail: 'process',
  'agreement-review': 'interface',
  /** Reviews of experiments cells chose for themselves; a decided experiment's review keeps its tension's type. */
  'experiment-review': 'process',
} as const;

export type BuiltInDetector = keyof typeof DEFAULT_DETECTOR_TYPES;

export interface GovernanceOptions {
  /** Where the YAML of new agreement and guardrail versions is written (`.cello/proposals`); absent: not written. */
  proposalsDir?: string;
  /** How often due windows, due reviews and the cadence are checked; 0 turns the timer off (tests call `tick()`). */
  checkIntervalMs?: number;
  /** The tension type each built-in detector raises. */
  detectorTypes?: Partial<Record<BuiltInDetector, string>>;
  /** The cell whose facilitator runs organization-wide reviews; default: the only cell with a facilitator. */
  reviewCell?: string;
  /** Plan the next review on the cadence when none is planned (default true). */
  autoPlan?: boolean;
  /** Lint rules whose findings do not become tensions (default: agreement-review-due, which the review sweep covers). */
  lintRulesIgnored?: string[];
}

/** Options with every default filled in. */
export interface CompiledGovernanceOptions {
  proposalsDir?: string;
  checkIntervalMs: number;
  detectorTypes: Record<BuiltInDetector, string>;
  reviewCell?: string;
  autoPlan: boolean;
  lintRulesIgnored: readonly string[];
}

export function compileGovernanceOptions(options: GovernanceOptions = {}): CompiledGovernanceOptions {
  const interval = options.checkIntervalMs ?? 30_000;
  if (!Number.isFinite(interval) || interval < 0) {
    throw new InputError(`checkIntervalMs must be 0 (off) or a positive number of milliseconds, not ${interval}.`, {
      field: 'checkIntervalMs',
    });
  }
  return {
    ...(options.proposalsDir ? { proposalsDir: options.proposalsDir } : {}),
    checkIntervalMs: interval,
    detectorTypes: { ...DEFAULT_DETECTOR_TYPES, ...options.detectorTypes },
    ...(options.reviewCell ? { reviewCell: options.reviewCell.replace(/^cell:/, '') } : {}),
    autoPlan: options.autoPlan ?? true,
    lintRulesIgnored: options.lintRulesIgnored ?? ['agreement-review-due'],
  };
}
