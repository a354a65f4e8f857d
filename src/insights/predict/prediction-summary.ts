/** One prediction `cello predict` writes: after the first `prefix` events of `case`. */
export interface PredictionLine {
  case: string;
  prefix: number;
  /** The predicted activity of event prefix + 1. */
  next: string;
  /** Predicted last timestamp − timestamp of event `prefix`, in seconds. */
  remainingSeconds: number;
}

/** A baseline's accuracy on the predicted prefixes. */
export interface AccuracyFigure {
  name: string;
  accuracy: number;
}

/** A baseline's mean absolute error on the predicted prefixes. */
export interface ErrorFigure {
  name: string;
  maeSeconds: number;
}

/** What `cello predict --json` prints: the split, and the model's figures beside the baselines', measured on it. */
export interface PredictionSummary {
  schema: 'cello.prediction/1';
  log: { file?: string; cases: number; events: number };
  split: {
    trainFraction: number;
    trainingCases: number;
    testCases: number;
    trainingPrefixes: number;
    predictedPrefixes: number;
  };
  model: { features: number; trainingSeconds: number };
  nextActivity: {
    /** Share of predicted prefixes whose next activity the model got right (4 decimals). */
    accuracy: number;
    /** The n-gram baselines, n = 1 … 5. */
    baselines: AccuracyFigure[];
    bestBaseline: AccuracyFigure;
    /** (accuracy − best baseline's) × 100, 2 decimals. */
    gainPoints: number;
  };
  remainingTime: {
    /** Mean absolute error of the model's remaining time, seconds (3 decimals). */
    maeSeconds: number;
    baselines: ErrorFigure[];
    bestBaseline: ErrorFigure;
    /** 1 − model's error ÷ best baseline's (4 decimals): 0.2 is 20% less error. */
    reduction: number;
  };
}

const DAY_SECONDS = 86_400;

/** The summary in a few lines, for a person. */
export function formatPredictionSummary(summary: PredictionSummary): string {
  const { split, nextActivity: next, remainingTime: time } = summary;
  const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
  const days = (seconds: number) => `${(seconds / DAY_SECONDS).toFixed(2)} days`;
  return [
    `Trained on ${split.trainingCases} cases (${split.trainingPrefixes} prefixes, ${summary.model.features} features) in ${summary.model.trainingSeconds.toFixed(1)} s; predicted ${split.predictedPrefixes} prefixes of ${split.testCases} later cases.`,
    `Next activity: accuracy ${percent(next.accuracy)}; best baseline ${next.bestBaseline.name} ${percent(next.bestBaseline.accuracy)} (${next.gainPoints >= 0 ? '+' : ''}${next.gainPoints.toFixed(2)} points).`,
    `Remaining time: mean absolute error ${days(time.maeSeconds)}; best baseline "${time.bestBaseline.name}" ${days(time.bestBaseline.maeSeconds)} (${percent(time.reduction)} less error).`,
  ].join('\n');
}
