import type { ColumnarEventLog } from '../mining/index.js';
import { InputError } from '../../shared/index.js';
import { classProbabilities, trainClassificationForest } from './classification-forest.js';
import type { BinnedRows } from './decision-tree.js';
import { binOf, fitFeatureBins, type FeatureBins } from './feature-bins.js';
import { predictMedian, trainMedianBoosting } from './median-boosting.js';
import { compilePredictorOptions, type PredictorOptions } from './predictor-options.js';
import { PrefixEncoder, type PrefixFeature } from './prefix-encoder.js';

/** What a predictor says about a prefix. */
export interface PrefixPrediction {
  /** The most likely next activity, and its probability. */
  next: string;
  probability: number;
  /** The expected (median) time from the prefix's last event to the case's last event. */
  remainingMs: number;
}

/** A model trained on completed cases, asked about any prefix of any case (of this log or another). */
export interface PrefixPredictor {
  readonly features: readonly PrefixFeature[];
  readonly trainingCases: number;
  readonly trainingPrefixes: number;
  /** Predicts for the first `k` events (k ≥ 1) of case `caseIndex` of `log`. */
  predict(log: ColumnarEventLog, caseIndex: number, k: number): PrefixPrediction;
}

/**
 * Trains on every prefix (k = 1 … n − 1 events) of the given completed cases of `log`: a random forest for
 * the next activity and median-boosted trees for the remaining time, both on the same binned features.
 */
export function trainPrefixPredictor(
  log: ColumnarEventLog,
  cases: Int32Array,
  options: PredictorOptions = {},
): PrefixPredictor {
  const encoder = PrefixEncoder.fit(log, cases);
  const features = encoder.features;
  let rows = 0;
  for (const c of cases) rows += Math.max(0, log.caseOffsets[c + 1]! - log.caseOffsets[c]! - 1);
  if (rows === 0) {
    throw new InputError(
      `None of the ${cases.length} training cases has two or more events, so there is no prefix to learn from; use a log whose cases have several events.`,
      { file: log.source.file },
    );
  }
  const values = features.map(() => new Float64Array(rows));
  const labels = new Int32Array(rows);
  const targets = new Float64Array(rows);
  const classOf = new Map<number, number>();
  const classNames: string[] = [];
  const row = new Float64Array(features.length);
  let r = 0;
  for (const c of cases) {
    const first = log.caseOffsets[c]!;
    const end = log.caseOffsets[c + 1]!;
    for (let k = 1; k < end - first; k++, r++) {
      encoder.encode(log, c, k, row);
      for (let f = 0; f < features.length; f++) values[f]![r] = row[f]!;
      const next = log.activity[first + k]!;
      let label = classOf.get(next);
      if (label === undefined) {
        label = classNames.length;
        classOf.set(next, label);
        classNames.push(log.activityNames[next]!);
      }
      labels[r] = label;
      targets[r] = log.timestamp[end - 1]! - log.timestamp[first + k - 1]!;
    }
  }
  const bins = features.map((feature, f) => fitFeatureBins(values[f]!, feature.kind, feature.categories));
  const data: BinnedRows = {
    rows,
    bins,
    columns: values.map((column, f) => Uint8Array.from(column, (v) => binOf(bins[f]!, v))),
  };
  const compiled = compilePredictorOptions(options, rows, features.length);
  const steps = compiled.forest.trees + compiled.boosting.rounds;
  const forest = trainClassificationForest(data, labels, classNames.length, compiled.forest, (done) =>
    options.onProgress?.(done, steps),
  );
  const boosting = trainMedianBoosting(data, targets, compiled.boosting, (done) =>
    options.onProgress?.(compiled.forest.trees + done, steps),
  );

  const binned = new Uint8Array(features.length);
  const probabilities = new Float64Array(classNames.length);
  return {
    features,
    trainingCases: cases.length,
    trainingPrefixes: rows,
    predict(target, caseIndex, k) {
      encoder.encode(target, caseIndex, k, row);
      binRow(bins, row, binned);
      classProbabilities(forest, binned, probabilities);
      let best = 0;
      for (let c = 1; c < probabilities.length; c++) if (probabilities[c]! > probabilities[best]!) best = c;
      return {
        next: classNames[best]!,
        probability: probabilities[best]!,
        remainingMs: Math.max(0, predictMedian(boosting, binned)),
      };
    },
  };
}

function binRow(bins: readonly FeatureBins[], values: Float64Array, out: Uint8Array): void {
  for (let f = 0; f < bins.length; f++) out[f] = binOf(bins[f]!, values[f]!);
}
