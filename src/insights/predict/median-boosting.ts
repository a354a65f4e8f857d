import { selectRank } from '../mining/select-rank.js';
import {
  binMask,
  findLeaf,
  findLeafOfRow,
  partitionRows,
  TreeBuilder,
  type BinnedRows,
  type DecisionTree,
  type Split,
} from './decision-tree.js';
import { MAX_BINS } from './feature-bins.js';
import { createRandom, pickDistinct } from './seeded-random.js';

/** How the boosted trees grow. */
export interface BoostingOptions {
  rounds: number;
  /** Leaves per tree (grown best-first). */
  leaves: number;
  /** Fewest sampled rows in a leaf. */
  minLeaf: number;
  learningRate: number;
  /** Share of the rows each round samples. */
  subsample: number;
  /** Share of the features each tree may split on. */
  featureFraction: number;
  seed: number;
}

/** Gradient-boosted trees for the median: a start value plus each tree's leaf value. */
export interface MedianBoosting {
  readonly base: number;
  readonly categorical: Uint8Array;
  readonly trees: readonly DecisionTree[];
  readonly leafValues: readonly Float64Array[];
}

// Keeps a leaf's value finite when its gradients nearly cancel (as LightGBM's lambda does).
const REGULARIZATION = 1;

interface Candidate extends Split {
  gain: number;
}

interface GrowingLeaf {
  node: number;
  from: number;
  to: number;
  sum: number;
  /** (sum of gradients, rows) per feature and bin. */
  histogram: Float64Array;
  split: Candidate | undefined;
}

/**
 * Gradient boosting with the absolute error as loss (LightGBM's `l1` objective): each round fits a tree to the
 * signs of the residuals, then sets each leaf to the median residual of its rows. The median, not the mean,
 * because the mean absolute error is smallest at the median, and remaining times are skewed with long tails.
 */
export function trainMedianBoosting(
  data: BinnedRows,
  targets: Float64Array,
  options: BoostingOptions,
  onRound?: (done: number) => void,
): MedianBoosting {
  const random = createRandom(options.seed);
  const n = data.rows;
  const categorical = Uint8Array.from(data.bins, (b) => (b.kind === 'category' ? 1 : 0));
  const base = selectRank(targets.slice(), n >> 1);
  const predicted = new Float64Array(n).fill(base);
  const gradient = new Float64Array(n);
  const residuals = new Float64Array(n);
  const features = Int32Array.from({ length: data.columns.length }, (_, f) => f);
  const trees: DecisionTree[] = [];
  const leafValues: Float64Array[] = [];
  for (let round = 0; round < options.rounds; round++) {
    for (let i = 0; i < n; i++) gradient[i] = Math.sign(predicted[i]! - targets[i]!);
    const sample: number[] = [];
    for (let i = 0; i < n; i++) if (random() < options.subsample) sample.push(i);
    const index = Int32Array.from(sample);
    const allowed = pickDistinct(features, Math.max(1, Math.round(options.featureFraction * features.length)), random);
    const { tree, ranges } = growTree(data, categorical, gradient, index, Int32Array.from(allowed), options);
    const values = new Float64Array(tree.leaves);
    ranges.forEach(([from, to], leaf) => {
      for (let i = from; i < to; i++) residuals[i - from] = targets[index[i]!]! - predicted[index[i]!]!;
      const median = to > from ? selectRank(residuals.subarray(0, to - from), (to - from) >> 1) : 0;
      values[leaf] = median * options.learningRate;
    });
    for (let i = 0; i < n; i++) predicted[i]! += values[findLeafOfRow(tree, categorical, data, i)]!;
    trees.push(tree);
    leafValues.push(values);
    onRound?.(round + 1);
  }
  return { base, categorical, trees, leafValues };
}

/** The model's median for a binned row. */
export function predictMedian(model: MedianBoosting, row: Uint8Array): number {
  let value = model.base;
  for (let t = 0; t < model.trees.length; t++) {
    value += model.leafValues[t]![findLeaf(model.trees[t]!, model.categorical, row)]!;
  }
  return value;
}

/** Grows one tree best-first; returns it with the range of `index` each leaf holds. */
function growTree(
  data: BinnedRows,
  categorical: Uint8Array,
  gradient: Float64Array,
  index: Int32Array,
  features: Int32Array,
  options: BoostingOptions,
): { tree: DecisionTree; ranges: [number, number][] } {
  const builder = new TreeBuilder();
  const grow = (node: number, from: number, to: number, histogram: Float64Array): GrowingLeaf => {
    let sum = 0;
    for (let i = from; i < to; i++) sum += gradient[index[i]!]!;
    const leaf = { node, from, to, sum, histogram, split: undefined };
    return { ...leaf, split: bestSplit(leaf, data, categorical, features, options.minLeaf) };
  };
  const leaves = [grow(builder.root(), 0, index.length, histogramOf(data, gradient, index, 0, index.length, features))];
  while (leaves.length < options.leaves) {
    let pick = -1;
    for (let l = 0; l < leaves.length; l++) {
      const gain = leaves[l]!.split?.gain ?? 0;
      if (gain > 0 && (pick < 0 || gain > leaves[pick]!.split!.gain)) pick = l;
    }
    if (pick < 0) break;
    const parent = leaves[pick]!;
    const split = parent.split!;
    const middle = partitionRows(
      index,
      parent.from,
      parent.to,
      data.columns[split.feature]!,
      categorical[split.feature] === 1,
      split,
    );
    const left = builder.split(parent.node, split);
    // Histogram the smaller child; the larger one is the parent's minus it.
    const leftSmaller = middle - parent.from <= parent.to - middle;
    const small = leftSmaller
      ? histogramOf(data, gradient, index, parent.from, middle, features)
      : histogramOf(data, gradient, index, middle, parent.to, features);
    const large = parent.histogram;
    for (let k = 0; k < large.length; k++) large[k]! -= small[k]!;
    const leftLeaf = grow(left, parent.from, middle, leftSmaller ? small : large);
    const rightLeaf = grow(left + 1, middle, parent.to, leftSmaller ? large : small);
    leaves.splice(pick, 1, leftLeaf, rightLeaf);
  }
  const ranges: [number, number][] = [];
  for (const leaf of leaves) ranges[builder.leaf(leaf.node)] = [leaf.from, leaf.to];
  return { tree: builder.build(), ranges };
}

function histogramOf(
  data: BinnedRows,
  gradient: Float64Array,
  index: Int32Array,
  from: number,
  to: number,
  features: Int32Array,
): Float64Array {
  const histogram = new Float64Array(data.columns.length * MAX_BINS * 2);
  for (const f of features) {
    const column = data.columns[f]!;
    const offset = f * MAX_BINS * 2;
    for (let i = from; i < to; i++) {
      const row = index[i]!;
      const slot = offset + 2 * column[row]!;
      histogram[slot]! += gradient[row]!;
      histogram[slot + 1]!++;
    }
  }
  return histogram;
}

/** The split with the largest drop in squared gradient error, if any leaves both sides `minLeaf` rows. */
function bestSplit(
  leaf: Omit<GrowingLeaf, 'split'>,
  data: BinnedRows,
  categorical: Uint8Array,
  features: Int32Array,
  minLeaf: number,
): Candidate | undefined {
  const size = leaf.to - leaf.from;
  if (size < 2 * minLeaf) return undefined;
  const total = leaf.sum;
  const parent = (total * total) / (size + REGULARIZATION);
  const h = leaf.histogram;
  const gainOf = (sum: number, count: number) => {
    if (count < minLeaf || size - count < minLeaf) return 0;
    const rest = total - sum;
    return (sum * sum) / (count + REGULARIZATION) + (rest * rest) / (size - count + REGULARIZATION) - parent;
  };
  let best: Candidate | undefined;
  for (const f of features) {
    const offset = f * MAX_BINS * 2;
    const bins = data.bins[f]!.count;
    let sum = 0;
    let count = 0;
    if (categorical[f] === 1) {
      // Categories ordered by mean gradient: the best set to send left is a prefix of that order.
      const order: number[] = [];
      for (let b = 0; b < bins; b++) if (h[offset + 2 * b + 1]! > 0) order.push(b);
      order.sort((a, b) => h[offset + 2 * a]! / h[offset + 2 * a + 1]! - h[offset + 2 * b]! / h[offset + 2 * b + 1]!);
      for (let j = 0; j < order.length - 1; j++) {
        sum += h[offset + 2 * order[j]!]!;
        count += h[offset + 2 * order[j]! + 1]!;
        const gain = gainOf(sum, count);
        if (gain > (best?.gain ?? 1e-9)) best = { gain, feature: f, threshold: 0, ...binMask(order.slice(0, j + 1)) };
      }
    } else {
      for (let b = 0; b < bins - 1; b++) {
        sum += h[offset + 2 * b]!;
        count += h[offset + 2 * b + 1]!;
        const gain = gainOf(sum, count);
        if (gain > (best?.gain ?? 1e-9)) best = { gain, feature: f, threshold: b, maskLow: 0, maskHigh: 0 };
      }
    }
  }
  return best;
}
