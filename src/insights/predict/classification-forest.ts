import {
  binMask,
  findLeaf,
  partitionRows,
  TreeBuilder,
  type BinnedRows,
  type DecisionTree,
  type Split,
} from './decision-tree.js';
import { MAX_BINS } from './feature-bins.js';
import { createRandom, pickDistinct } from './seeded-random.js';

/** How a classification forest grows. */
export interface ForestOptions {
  trees: number;
  /** Features tried at each split, drawn at random. */
  featuresPerSplit: number;
  /** Fewest training rows in a leaf. */
  minLeaf: number;
  maxDepth: number;
  /** Rows drawn (with replacement) for each tree. */
  sampleSize: number;
  seed: number;
}

/** A random forest that gives each class a probability: the mean of its trees' leaf shares. */
export interface ClassificationForest {
  readonly classes: number;
  readonly categorical: Uint8Array;
  readonly trees: readonly DecisionTree[];
  /** Per tree, leaf l holds classes `leafClass[leafStart[l] … leafStart[l + 1])` with shares `leafShare`. */
  readonly leafStart: readonly Int32Array[];
  readonly leafClass: readonly Int32Array[];
  readonly leafShare: readonly Float32Array[];
}

/** The best split of one node found so far: its Gini score Σ(left²)/nLeft + Σ(right²)/nRight. */
interface Candidate extends Split {
  score: number;
}

/**
 * Grows a random forest of Gini trees on binned rows (Breiman's recipe: a bootstrap sample per tree, a random
 * subset of features per split). A number splits at a bin threshold; a category splits one category off from
 * the rest. Leaves keep only the classes they saw, so a deep tree over many classes stays small.
 */
export function trainClassificationForest(
  data: BinnedRows,
  labels: Int32Array,
  classes: number,
  options: ForestOptions,
  onTree?: (done: number) => void,
): ClassificationForest {
  const random = createRandom(options.seed);
  const featureCount = data.columns.length;
  const categorical = Uint8Array.from(data.bins, (b) => (b.kind === 'category' ? 1 : 0));
  const counts = new Int32Array(MAX_BINS * classes);
  const binTotals = new Int32Array(MAX_BINS);
  const totals = new Float64Array(classes);
  const leftCounts = new Float64Array(classes);
  const features = Int32Array.from({ length: featureCount }, (_, f) => f);
  const forest = {
    classes,
    categorical,
    trees: [] as DecisionTree[],
    leafStart: [] as Int32Array[],
    leafClass: [] as Int32Array[],
    leafShare: [] as Float32Array[],
  };

  for (let t = 0; t < options.trees; t++) {
    const index = new Int32Array(options.sampleSize);
    for (let i = 0; i < index.length; i++) index[i] = Math.floor(random() * data.rows);
    const tree = new TreeBuilder();
    const leafStart = [0];
    const leafClass: number[] = [];
    const leafShare: number[] = [];
    const stack: number[] = [0, index.length, 0, tree.root()];
    while (stack.length > 0) {
      const node = stack.pop()!;
      const depth = stack.pop()!;
      const to = stack.pop()!;
      const from = stack.pop()!;
      const size = to - from;
      totals.fill(0);
      for (let i = from; i < to; i++) totals[labels[index[i]!]!]!++;
      const present: number[] = [];
      let parentScore = 0;
      for (let c = 0; c < classes; c++) {
        if (totals[c]! > 0) {
          present.push(c);
          parentScore += totals[c]! * totals[c]!;
        }
      }
      parentScore /= size;
      let best: Candidate | undefined;
      if (present.length > 1 && size >= 2 * options.minLeaf && depth < options.maxDepth) {
        for (const f of pickDistinct(features, options.featuresPerSplit, random)) {
          const column = data.columns[f]!;
          const bins = data.bins[f]!.count;
          for (let i = from; i < to; i++) {
            const row = index[i]!;
            const bin = column[row]!;
            counts[bin * classes + labels[row]!]!++;
            binTotals[bin]!++;
          }
          const found =
            categorical[f] === 1
              ? bestCategory(counts, binTotals, totals, present, size, bins, classes, options.minLeaf)
              : bestThreshold(counts, binTotals, totals, leftCounts, present, size, bins, classes, options.minLeaf);
          if (found && found.score > parentScore * (1 + 1e-12) && (!best || found.score > best.score)) {
            best = { ...found, feature: f };
          }
          for (let b = 0; b < bins; b++) {
            if (binTotals[b] === 0) continue;
            binTotals[b] = 0;
            for (const c of present) counts[b * classes + c] = 0;
          }
        }
      }
      if (!best) {
        tree.leaf(node);
        for (const c of present) {
          leafClass.push(c);
          leafShare.push(totals[c]! / size);
        }
        leafStart.push(leafClass.length);
        continue;
      }
      const middle = partitionRows(index, from, to, data.columns[best.feature]!, categorical[best.feature] === 1, best);
      const left = tree.split(node, best);
      stack.push(from, middle, depth + 1, left, middle, to, depth + 1, left + 1);
    }
    forest.trees.push(tree.build());
    forest.leafStart.push(Int32Array.from(leafStart));
    forest.leafClass.push(Int32Array.from(leafClass));
    forest.leafShare.push(Float32Array.from(leafShare));
    onTree?.(t + 1);
  }
  return forest;
}

/** The best threshold: rows in bins ≤ b go left. */
function bestThreshold(
  counts: Int32Array,
  binTotals: Int32Array,
  totals: Float64Array,
  leftCounts: Float64Array,
  present: number[],
  size: number,
  bins: number,
  classes: number,
  minLeaf: number,
): Omit<Candidate, 'feature'> | undefined {
  let best: Omit<Candidate, 'feature'> | undefined;
  for (const c of present) leftCounts[c] = 0;
  let leftSquares = 0;
  let rightSquares = 0;
  for (const c of present) rightSquares += totals[c]! * totals[c]!;
  let leftSize = 0;
  for (let b = 0; b < bins - 1; b++) {
    if (binTotals[b] === 0) continue;
    for (const c of present) {
      const h = counts[b * classes + c]!;
      if (h === 0) continue;
      const l = leftCounts[c]!;
      const r = totals[c]! - l;
      leftSquares += 2 * l * h + h * h;
      rightSquares += h * h - 2 * r * h;
      leftCounts[c] = l + h;
    }
    leftSize += binTotals[b]!;
    if (leftSize < minLeaf) continue;
    if (size - leftSize < minLeaf) break;
    const score = leftSquares / leftSize + rightSquares / (size - leftSize);
    if (!best || score > best.score) best = { score, threshold: b, maskLow: 0, maskHigh: 0 };
  }
  return best;
}

/** The best single category to split off from the others. */
function bestCategory(
  counts: Int32Array,
  binTotals: Int32Array,
  totals: Float64Array,
  present: number[],
  size: number,
  bins: number,
  classes: number,
  minLeaf: number,
): Omit<Candidate, 'feature'> | undefined {
  let best: Omit<Candidate, 'feature'> | undefined;
  let parentSquares = 0;
  for (const c of present) parentSquares += totals[c]! * totals[c]!;
  for (let b = 0; b < bins; b++) {
    const leftSize = binTotals[b]!;
    if (leftSize < minLeaf || size - leftSize < minLeaf) continue;
    let leftSquares = 0;
    let cross = 0;
    for (const c of present) {
      const h = counts[b * classes + c]!;
      leftSquares += h * h;
      cross += h * totals[c]!;
    }
    const rightSquares = parentSquares - 2 * cross + leftSquares;
    const score = leftSquares / leftSize + rightSquares / (size - leftSize);
    if (!best || score > best.score) best = { score, threshold: 0, ...binMask([b]) };
  }
  return best;
}

/** Writes each class's probability for a binned row into `out` (length = classes). */
export function classProbabilities(forest: ClassificationForest, row: Uint8Array, out: Float64Array): void {
  out.fill(0);
  const share = 1 / forest.trees.length;
  for (let t = 0; t < forest.trees.length; t++) {
    const leaf = findLeaf(forest.trees[t]!, forest.categorical, row);
    const start = forest.leafStart[t]!;
    const classOf = forest.leafClass[t]!;
    const shares = forest.leafShare[t]!;
    for (let k = start[leaf]!; k < start[leaf + 1]!; k++) out[classOf[k]!]! += shares[k]! * share;
  }
}
