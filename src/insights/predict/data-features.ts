import type { AttributeColumn, ColumnarEventLog } from '../mining/index.js';
import { CategoryVocabulary, MAX_NAMED_CATEGORIES } from './category-vocabulary.js';
import type { FeatureKind } from './feature-bins.js';

/** A data attribute the model uses: a trace's value, or the latest value an event of the prefix gave. */
export interface DataFeature {
  readonly key: string;
  readonly scope: 'trace' | 'event';
  readonly kind: FeatureKind;
  /** The categories of a category feature. */
  readonly vocabulary?: CategoryVocabulary;
}

/**
 * Chooses the data attributes worth a feature, from the training cases only: those with at least two values,
 * as a number when they are typed int/float or every value reads as one (BPI 2012 writes amounts as strings),
 * otherwise as a category, unless they have more values than a feature names and most of them are unique (an
 * identifier such as `concept:instance` says nothing another case could share).
 */
export function chooseDataFeatures(log: ColumnarEventLog, cases: Int32Array): DataFeature[] {
  const chosen: DataFeature[] = [];
  for (const column of log.attributes ?? []) {
    const counts = new Map<string, number>();
    let occurrences = 0;
    const tally = (code: number) => {
      if (code < 0) return;
      const value = column.values[code]!;
      counts.set(value, (counts.get(value) ?? 0) + 1);
      occurrences++;
    };
    for (const c of cases) {
      if (column.scope === 'trace') tally(column.codes[c]!);
      else for (let i = log.caseOffsets[c]!; i < log.caseOffsets[c + 1]!; i++) tally(column.codes[i]!);
    }
    if (counts.size < 2) continue;
    const numeric = column.type === 'int' || column.type === 'float' || [...counts.keys()].every(readsAsNumber);
    if (numeric) {
      chosen.push({ key: column.key, scope: column.scope, kind: 'number' });
    } else if (counts.size <= MAX_NAMED_CATEGORIES || counts.size <= occurrences / 2) {
      const vocabulary = CategoryVocabulary.fromCounts(counts);
      chosen.push({ key: column.key, scope: column.scope, kind: 'category', vocabulary });
    }
  }
  return chosen;
}

/**
 * How a log's values of `feature` read as feature values: per value code, the number or the category code
 * (NaN for a value that is not a number). `undefined` when the log lacks the attribute.
 */
export function translateDataFeature(
  log: ColumnarEventLog,
  feature: DataFeature,
): { column: AttributeColumn; values: Float64Array } | undefined {
  const column = log.attributes?.find((a) => a.key === feature.key && a.scope === feature.scope);
  if (!column) return undefined;
  const values = Float64Array.from(column.values, (value) =>
    feature.vocabulary ? feature.vocabulary.codeOf(value) : readsAsNumber(value) ? Number(value) : NaN,
  );
  return { column, values };
}

function readsAsNumber(value: string): boolean {
  return value.trim() !== '' && Number.isFinite(Number(value));
}
