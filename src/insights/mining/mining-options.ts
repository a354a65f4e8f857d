import {
  ACTIVITY_CLASSIFIERS,
  LIFECYCLE_VIEWS,
  type ActivityClassifier,
  type LifecycleView,
} from '../../model/index.js';
import { InputError } from '../../shared/index.js';

export {
  ACTIVITY_CLASSIFIERS,
  LIFECYCLE_VIEWS,
  type ActivityClassifier,
  type LifecycleView,
} from '../../model/index.js';

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
