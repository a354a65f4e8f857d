import type { ForestOptions } from './classification-forest.js';
import type { BoostingOptions } from './median-boosting.js';

/** How to train a prefix predictor; everything has a default sized to the training data. */
export interface PredictorOptions {
  /** Seeds every random draw: the same log and seed give the same model. Default 1. */
  seed?: number;
  forest?: Partial<ForestOptions>;
  boosting?: Partial<BoostingOptions>;
  /** Called after each tree, with the trees done and the trees to grow in all. */
  onProgress?: (done: number, total: number) => void;
}

/** Options with every default filled in for `rows` training prefixes of `features` features. */
export interface CompiledPredictorOptions {
  forest: ForestOptions;
  boosting: BoostingOptions;
}

// Rows a forest tree draws, and rows a boosting round samples, at most: past these, more rows cost time
// (training on BPI 2012 must stay under a minute on two cores) for little accuracy.
const FOREST_SAMPLE = 60_000;
const BOOSTING_SAMPLE = 50_000;
// Rows all forest trees draw together: a small log gets more trees (less variance) for the same time.
const FOREST_BUDGET = 2_400_000;

/** Fills in the defaults. */
export function compilePredictorOptions(
  options: PredictorOptions,
  rows: number,
  features: number,
): CompiledPredictorOptions {
  const seed = options.seed ?? 1;
  const sampleSize = Math.min(rows, FOREST_SAMPLE);
  const subsample = Math.min(0.5, BOOSTING_SAMPLE / rows);
  return {
    forest: {
      trees: Math.min(200, Math.max(40, Math.round(FOREST_BUDGET / sampleSize))),
      // A fifth rather than Breiman's √features: most count features are zero in any one node, and √ drew too
      // few useful ones (BPI 2012: 0.8665 with 9 of 67, 0.8698 with 14).
      featuresPerSplit: Math.max(1, Math.ceil(features / 5)),
      minLeaf: 1,
      maxDepth: 40,
      sampleSize,
      seed,
      ...options.forest,
    },
    boosting: {
      rounds: 100,
      leaves: 31,
      // 20 rows a leaf, fewer on a small log so that it can split at all.
      minLeaf: Math.min(20, Math.max(2, Math.round((rows * subsample) / 100))),
      learningRate: 0.1,
      subsample,
      featureFraction: 0.8,
      seed: seed + 1,
      ...options.boosting,
    },
  };
}
