import { formatDuration } from '../../shared/index.js';
import { compareText } from '../mining/compare-text.js';
import { mannWhitneyLess } from '../stats/mann-whitney.js';
import { medianOf } from '../stats/quantiles.js';
import type { RecommendationCandidate } from '../../model/index.js';
import type { WorkflowRuns } from './workflow-runs.js';

export interface VariantHintOptions {
  window: string;
  /** Completed runs each workflow needs. */
  minSample: number;
  /** How much faster (median) the other variant must be: 0.2 = at least 20%. */
  minImprovement: number;
  /** Rework shares within this many points count as equal; the faster variant may not rework more than that. */
  reworkTolerance: number;
  /** Largest one-sided Mann–Whitney p-value accepted. */
  maxPValue: number;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

/**
 * Cross-cell learning: among workflows adapting the same template, a cell whose runs take clearly longer (median
 * at least `minImprovement` slower, one-sided Mann–Whitney p ≤ `maxPValue`) than another cell's, without that
 * one reworking more, is pointed at the faster variant. Each slower workflow gets at most one hint: the fastest
 * qualifying variant. Confidence = 1 − p.
 */
export function variantHints(
  workflows: readonly WorkflowRuns[],
  options: VariantHintOptions,
): RecommendationCandidate[] {
  const out: RecommendationCandidate[] = [];
  const byTemplate = new Map<string, WorkflowRuns[]>();
  for (const w of workflows) {
    if (w.cell === null || w.durations.length < options.minSample) continue;
    byTemplate.set(w.template, [...(byTemplate.get(w.template) ?? []), w]);
  }
  for (const [template, group] of [...byTemplate].sort((a, b) => compareText(a[0], b[0]))) {
    const stats = group
      .map((w) => ({ w, median: medianOf(w.durations)!, rework: w.reworkRuns / w.durations.length }))
      .sort((a, b) => a.median - b.median || compareText(a.w.workflow, b.w.workflow));
    for (const slow of stats) {
      const better = stats.find((fast) => {
        if (fast.w.cell === slow.w.cell || fast.median > (1 - options.minImprovement) * slow.median) return false;
        if (fast.rework > slow.rework + options.reworkTolerance) return false;
        const test = mannWhitneyLess(fast.w.durations, slow.w.durations);
        return test !== null && test.pValue <= options.maxPValue;
      });
      if (!better) continue;
      const test = mannWhitneyLess(better.w.durations, slow.w.durations)!;
      const faster = 1 - better.median / slow.median;
      const reworkWords =
        Math.abs(better.rework - slow.rework) <= options.reworkTolerance ? 'equal rework' : 'less rework';
      const cell = slow.w.cell!;
      out.push({
        kind: 'template-variant',
        key: `template-variant:${template}:${slow.w.workflow}`,
        cell,
        title: `cell:${better.w.cell}'s variant of ${template} resolves cases ${percent(faster)} faster with ${reworkWords}`,
        summary:
          `Over the last ${options.window}, workflow ${better.w.workflow} (cell:${better.w.cell}) completed ${better.w.durations.length} runs in a median ${formatDuration(better.median)} ` +
          `with ${percent(better.rework)} rework; your workflow ${slow.w.workflow} completed ${slow.w.durations.length} in a median ${formatDuration(slow.median)} with ${percent(slow.rework)} rework. ` +
          `Compare their parameters and overrides.`,
        move: `Adopt what differs in workflow ${better.w.workflow} (its parameters and step overrides of ${template}) in ${slow.w.workflow}, for two weeks.`,
        metric: `median duration of ${slow.w.workflow} runs (now ${formatDuration(slow.median)}) and their rework (now ${percent(slow.rework)})`,
        evidence: [
          {
            kind: 'manifest',
            ref: `workflow:${better.w.workflow}`,
            note: `${better.w.durations.length} runs, median ${formatDuration(better.median)}, ${percent(better.rework)} rework`,
          },
          {
            kind: 'manifest',
            ref: `workflow:${slow.w.workflow}`,
            note: `${slow.w.durations.length} runs, median ${formatDuration(slow.median)}, ${percent(slow.rework)} rework`,
          },
        ],
        facts: {
          template,
          faster: {
            workflow: better.w.workflow,
            cell: better.w.cell,
            runs: better.w.durations.length,
            medianMs: better.median,
            reworkShare: round(better.rework),
            versions: better.w.versions,
          },
          slower: {
            workflow: slow.w.workflow,
            cell,
            runs: slow.w.durations.length,
            medianMs: slow.median,
            reworkShare: round(slow.rework),
            versions: slow.w.versions,
          },
          mannWhitney: { u: test.u, z: round(test.z), pValue: round(test.pValue) },
          window: options.window,
        },
        impact: {
          metric: `median duration of ${slow.w.workflow} runs`,
          current: slow.median,
          expected: better.median,
          change: -round(faster),
          text: `If ${slow.w.workflow} ran like ${better.w.workflow}, its median run would drop from ${formatDuration(slow.median)} to about ${formatDuration(better.median)}.`,
        },
        confidence: Math.round((1 - test.pValue) * 100) / 100,
        sampleSize: better.w.durations.length + slow.w.durations.length,
      });
    }
  }
  return out;
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;
