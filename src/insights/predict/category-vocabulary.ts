import { compareText } from '../mining/compare-text.js';
import { MAX_BINS } from './feature-bins.js';

/** The most values a category feature keeps by name; the rest share one "other" code (the bins hold the rest). */
export const MAX_NAMED_CATEGORIES = MAX_BINS - 2;

/**
 * The values a category feature knows, learned from training: the most frequent ones by name (code 0, 1, …),
 * then one "other" code for everything else, including values first seen after training.
 */
export class CategoryVocabulary {
  private readonly codes: Map<string, number>;

  private constructor(readonly names: readonly string[]) {
    this.codes = new Map(names.map((name, code) => [name, code]));
  }

  /** Keeps the `limit` most frequent names (ties in name order, so the same log always gives the same codes). */
  static fromCounts(counts: Map<string, number>, limit = MAX_NAMED_CATEGORIES): CategoryVocabulary {
    const names = [...counts]
      .sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))
      .slice(0, limit)
      .map(([name]) => name);
    return new CategoryVocabulary(names);
  }

  /** Codes in use: the named ones and "other". */
  get size(): number {
    return this.names.length + 1;
  }

  /** The code of `name`: its own, or "other". */
  codeOf(name: string): number {
    return this.codes.get(name) ?? this.names.length;
  }

  /** Codes for a list of names (e.g. a log's activity names), for translating its indexes in one step. */
  translate(names: readonly string[]): Int32Array {
    return Int32Array.from(names, (name) => this.codeOf(name));
  }
}
