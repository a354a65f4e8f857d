import type { FeatureBins } from './feature-bins.js';

/** Training rows as bins: `columns[f][row]` is the bin of feature f (column-major, so a split scans one array). */
export interface BinnedRows {
  readonly rows: number;
  readonly columns: readonly Uint8Array[];
  readonly bins: readonly FeatureBins[];
}

/**
 * A binary tree over binned features, in flat arrays. An inner node sends a row left when its bin is at most
 * `threshold` (number) or is in the 64-bit set `maskLow | maskHigh` (category); its children sit at `left` and
 * `left + 1`. A leaf has `feature` −1 and `left` = its leaf number, which indexes the model's own leaf values.
 */
export interface DecisionTree {
  readonly feature: Int32Array;
  readonly threshold: Int32Array;
  readonly maskLow: Int32Array;
  readonly maskHigh: Int32Array;
  readonly left: Int32Array;
  readonly leaves: number;
}

/** A split a learner chose: by threshold, or by the set of bins that go left. */
export interface Split {
  feature: number;
  threshold: number;
  maskLow: number;
  maskHigh: number;
}

/** Whether bin `bin` goes left at `split`-like node data. */
function goesLeft(categorical: boolean, bin: number, threshold: number, maskLow: number, maskHigh: number): boolean {
  if (!categorical) return bin <= threshold;
  return bin < 32 ? ((maskLow >>> bin) & 1) === 1 : ((maskHigh >>> (bin - 32)) & 1) === 1;
}

/** Grows a tree node by node; nodes are numbered in the order they are made. */
export class TreeBuilder {
  private readonly feature: number[] = [];
  private readonly threshold: number[] = [];
  private readonly maskLow: number[] = [];
  private readonly maskHigh: number[] = [];
  private readonly left: number[] = [];
  private leafCount = 0;

  /** Makes the root; returns its node number. */
  root(): number {
    return this.node();
  }

  /** Turns `node` into a split and returns its left child (the right one is next). */
  split(node: number, split: Split): number {
    this.feature[node] = split.feature;
    this.threshold[node] = split.threshold;
    this.maskLow[node] = split.maskLow;
    this.maskHigh[node] = split.maskHigh;
    const left = this.node();
    this.node();
    this.left[node] = left;
    return left;
  }

  /** Turns `node` into a leaf; returns its leaf number. */
  leaf(node: number): number {
    this.left[node] = this.leafCount;
    return this.leafCount++;
  }

  build(): DecisionTree {
    return {
      feature: Int32Array.from(this.feature),
      threshold: Int32Array.from(this.threshold),
      maskLow: Int32Array.from(this.maskLow),
      maskHigh: Int32Array.from(this.maskHigh),
      left: Int32Array.from(this.left),
      leaves: this.leafCount,
    };
  }

  private node(): number {
    this.feature.push(-1);
    this.threshold.push(0);
    this.maskLow.push(0);
    this.maskHigh.push(0);
    this.left.push(-1);
    return this.feature.length - 1;
  }
}

/** The leaf number a row reaches; `row[f]` is its bin of feature f. */
export function findLeaf(tree: DecisionTree, categorical: Uint8Array, row: Uint8Array): number {
  let node = 0;
  for (let f = tree.feature[0]!; f >= 0; f = tree.feature[node]!) {
    const left = goesLeft(
      categorical[f] === 1,
      row[f]!,
      tree.threshold[node]!,
      tree.maskLow[node]!,
      tree.maskHigh[node]!,
    );
    node = tree.left[node]! + (left ? 0 : 1);
  }
  return tree.left[node]!;
}

/** The leaf number training row `row` of `data` reaches. */
export function findLeafOfRow(tree: DecisionTree, categorical: Uint8Array, data: BinnedRows, row: number): number {
  let node = 0;
  for (let f = tree.feature[0]!; f >= 0; f = tree.feature[node]!) {
    const bin = data.columns[f]![row]!;
    const left = goesLeft(categorical[f] === 1, bin, tree.threshold[node]!, tree.maskLow[node]!, tree.maskHigh[node]!);
    node = tree.left[node]! + (left ? 0 : 1);
  }
  return tree.left[node]!;
}

/**
 * Moves the rows `index[from..to)` that go left at `split` to the front, in place; returns where the right
 * rows begin.
 */
export function partitionRows(
  index: Int32Array,
  from: number,
  to: number,
  column: Uint8Array,
  categorical: boolean,
  split: Split,
): number {
  let i = from;
  let j = to - 1;
  while (i <= j) {
    if (goesLeft(categorical, column[index[i]!]!, split.threshold, split.maskLow, split.maskHigh)) {
      i++;
    } else {
      const swap = index[i]!;
      index[i] = index[j]!;
      index[j--] = swap;
    }
  }
  return i;
}

/** The 64-bit set of `bins` as two 32-bit words. */
export function binMask(bins: Iterable<number>): { maskLow: number; maskHigh: number } {
  let maskLow = 0;
  let maskHigh = 0;
  for (const bin of bins) {
    if (bin < 32) maskLow |= 1 << bin;
    else maskHigh |= 1 << (bin - 32);
  }
  return { maskLow, maskHigh };
}
