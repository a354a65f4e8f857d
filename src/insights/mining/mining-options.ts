import { InputError } from '../../shared/index.js';

export const LIFECYCLE_VIEWS = ['all', 'complete'] as const;
/** Which events count: all, or only those whose lifecycle transition is `complete` (case-insensitive). */
export type LifecycleView = (typeof LIFECYCLE_VIEWS)[number];

export const ACTIVITY_CLASSIFIERS = ['name', 'name+lifecycle'] as const;
/** What an activity is: the event's name, or name and lifecycle transition joined by `+` (as PM4Py does: `A+complete`). */
export type ActivityClassifier = (typeof ACTIVITY_CLASSIFIERS)[number];

/** How to mine a log. */
export interface MiningOptions {
  lifecycle?: LifecycleView;
  classifier?: ActivityClassifier;
}

export type CompiledMiningOptions = Required<MiningOptions>;

/** Fills in the defaults and checks the values (they may come straight from flags). */
export function compileMiningOptions(options: MiningOptions = {}): CompiledMiningOptions {
  const lifecycle = options.lifecycle ?? 'all';
  const classifier = options.classifier ?? 'name';
  if (!LIFECYCLE_VIEWS.includes(lifecycle)) {
    throw new InputError(`The lifecycle view "${String(lifecycle)}" is unknown; use ${LIFECYCLE_VIEWS.join(' or ')}.`, {
      field: 'lifecycle',
    });
  }
  if (!ACTIVITY_CLASSIFIERS.includes(classifier)) {
    throw new InputError(
      `The classifier "${String(classifier)}" is unknown; use ${ACTIVITY_CLASSIFIERS.join(' or ')}.`,
      { field: 'classifier' },
    );
  }
  return { lifecycle, classifier };
}
