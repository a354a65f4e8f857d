import { InputError } from '../../shared/index.js';
import type { ColumnarEventLog } from '../mining/index.js';

/** Case indexes to train on and to predict, each in order of their first event. */
export interface CaseSplit {
  readonly train: Int32Array;
  readonly test: Int32Array;
}

/**
 * Orders the cases by their first timestamp (equal ones by first appearance in the input) and puts the first
 * ⌊fraction × cases⌋ in training, the rest in test: the model learns from the past and is judged on the
 * future, as it would be used.
 */
export function splitCasesByStart(log: ColumnarEventLog, trainFraction: number): CaseSplit {
  if (!(trainFraction > 0 && trainFraction < 1)) {
    throw new InputError(`The train fraction ${trainFraction} is not between 0 and 1; use e.g. 0.67.`, {
      field: 'trainFraction',
    });
  }
  const cases: number[] = [];
  for (let c = 0; c < log.caseIds.length; c++) if (log.caseOffsets[c + 1]! > log.caseOffsets[c]!) cases.push(c);
  const start = (c: number) => log.timestamp[log.caseOffsets[c]!]!;
  cases.sort((a, b) => start(a) - start(b) || a - b);
  const cut = Math.floor(trainFraction * cases.length);
  const where = log.source.file ?? 'the log';
  if (cut === 0 || cut === cases.length) {
    throw new InputError(
      `A train fraction of ${trainFraction} leaves no case to ${cut === 0 ? 'train on' : 'predict'} among the ${cases.length} cases of ${where}; choose a fraction that splits them, e.g. 0.67.`,
      { field: 'trainFraction' },
    );
  }
  return { train: Int32Array.from(cases.slice(0, cut)), test: Int32Array.from(cases.slice(cut)) };
}
