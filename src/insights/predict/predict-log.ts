import { performance } from 'node:perf_hooks';
import { InputError } from '../../shared/index.js';
import type { ColumnarEventLog } from '../mining/index.js';
import { splitCasesByStart } from './case-split.js';
import { MAX_NGRAM, NgramBaseline } from './ngram-baseline.js';
import type { PredictorOptions } from './predictor-options.js';
import type { PredictionLine, PredictionSummary } from './prediction-summary.js';
import { trainPrefixPredictor } from './prefix-predictor.js';
import { RemainingTimeBaseline } from './remaining-time-baseline.js';

/** The fewest cases a log needs before a split into training and test means anything. */
export const MIN_CASES = 10;

/** How `predictLog` splits, trains and reports. */
export interface PredictLogOptions {
  /** Share of the cases, by first timestamp, to train on. */
  trainFraction: number;
  predictor?: Omit<PredictorOptions, 'onProgress'>;
  /** Progress of each phase: trees grown while training, prefixes predicted after. */
  onProgress?: (phase: 'training' | 'predicting', done: number, total: number) => void;
}

const round = (value: number, decimals: number) => Number(value.toFixed(decimals));

/**
 * Predictive process monitoring on a file: every case of `log` is taken as completed; the earliest cases (by
 * first timestamp) train the model and the baselines, and every prefix (k = 1 … n − 1) of every later case is
 * predicted and handed to `write`. Returns the accuracy and error the model and the baselines reached there.
 */
export function predictLog(
  log: ColumnarEventLog,
  options: PredictLogOptions,
  write: (line: PredictionLine) => void,
): PredictionSummary {
  const where = log.source.file ?? 'The log';
  const cases = log.caseIds.length;
  if (cases < MIN_CASES) {
    const what = cases === 1 ? 'only one case' : `only ${cases} cases`;
    throw new InputError(
      `${where} has ${what}; predictions are trained on earlier completed cases and tested on later ones, so it needs at least ${MIN_CASES} completed cases.`,
      { file: log.source.file },
    );
  }
  const split = splitCasesByStart(log, options.trainFraction);
  const started = performance.now();
  const predictor = trainPrefixPredictor(log, split.train, {
    ...options.predictor,
    onProgress: (done, total) => options.onProgress?.('training', done, total),
  });
  const trainingSeconds = (performance.now() - started) / 1000;
  const ngram = NgramBaseline.fit(log, split.train);
  const remaining = RemainingTimeBaseline.fit(log, split.train);

  let total = 0;
  for (const c of split.test) total += Math.max(0, log.caseOffsets[c + 1]! - log.caseOffsets[c]! - 1);
  if (total === 0) {
    throw new InputError(
      `None of the ${split.test.length} cases to predict in ${where} has two or more events, so there is no prefix to predict; use a log whose cases have several events.`,
      { file: log.source.file },
    );
  }
  let done = 0;
  let modelRight = 0;
  const ngramRight = new Array<number>(MAX_NGRAM).fill(0);
  let modelError = 0;
  let activityError = 0;
  let lengthError = 0;
  for (const c of split.test) {
    const first = log.caseOffsets[c]!;
    const end = log.caseOffsets[c + 1]!;
    const lastTime = log.timestamp[end - 1]!;
    for (let k = 1; k < end - first; k++) {
      const prediction = predictor.predict(log, c, k);
      const actualNext = log.activity[first + k]!;
      const actualRemaining = lastTime - log.timestamp[first + k - 1]!;
      if (prediction.next === log.activityNames[actualNext]) modelRight++;
      for (let n = 1; n <= MAX_NGRAM; n++) if (ngram.predict(log, c, k, n) === actualNext) ngramRight[n - 1]!++;
      modelError += Math.abs(prediction.remainingMs - actualRemaining);
      activityError += Math.abs(remaining.afterActivity(log, c, k) - actualRemaining);
      lengthError += Math.abs(remaining.afterActivityAndLength(log, c, k) - actualRemaining);
      write({
        case: log.caseIds[c]!,
        prefix: k,
        next: prediction.next,
        remainingSeconds: round(prediction.remainingMs / 1000, 3),
      });
      if (++done % 1000 === 0) options.onProgress?.('predicting', done, total);
    }
  }
  options.onProgress?.('predicting', total, total);

  const accuracy = round(modelRight / total, 4);
  const ngrams = ngramRight.map((right, n) => ({ name: `${n + 1}-gram`, accuracy: round(right / total, 4) }));
  const bestNgram = ngrams.reduce((best, figure) => (figure.accuracy > best.accuracy ? figure : best));
  const mae = round(modelError / total / 1000, 3);
  const means = [
    { name: 'mean after last activity', maeSeconds: round(activityError / total / 1000, 3) },
    { name: 'mean after (last activity, prefix length)', maeSeconds: round(lengthError / total / 1000, 3) },
  ];
  const bestMean = means.reduce((best, figure) => (figure.maeSeconds < best.maeSeconds ? figure : best));
  return {
    schema: 'cello.prediction/1',
    log: { ...(log.source.file ? { file: log.source.file } : {}), cases, events: log.eventCount },
    split: {
      trainFraction: options.trainFraction,
      trainingCases: split.train.length,
      testCases: split.test.length,
      trainingPrefixes: predictor.trainingPrefixes,
      predictedPrefixes: total,
    },
    model: { features: predictor.features.length, trainingSeconds: round(trainingSeconds, 2) },
    nextActivity: {
      accuracy,
      baselines: ngrams,
      bestBaseline: bestNgram,
      gainPoints: round((accuracy - bestNgram.accuracy) * 100, 2),
    },
    remainingTime: {
      maeSeconds: mae,
      baselines: means,
      bestBaseline: bestMean,
      reduction: bestMean.maeSeconds > 0 ? round(1 - mae / bestMean.maeSeconds, 4) : 0,
    },
  };
}
