export { splitCasesByStart, type CaseSplit } from './case-split.js';
export { NgramBaseline, MAX_NGRAM } from './ngram-baseline.js';
export { RemainingTimeBaseline } from './remaining-time-baseline.js';
export { PrefixEncoder, LAST_EVENTS, type PrefixFeature } from './prefix-encoder.js';
export type { PredictorOptions } from './predictor-options.js';
export { trainPrefixPredictor, type PrefixPrediction, type PrefixPredictor } from './prefix-predictor.js';
export { predictLog, MIN_CASES, type PredictLogOptions } from './predict-log.js';
export {
  formatPredictionSummary,
  type AccuracyFigure,
  type ErrorFigure,
  type PredictionLine,
  type PredictionSummary,
} from './prediction-summary.js';
