import type { ManifestOf, RecommendationCandidate } from '../../model/index.js';
import { formatDuration } from '../../shared/index.js';
import type { ProcessMap } from '../live/process-map.js';

export interface BottleneckHintOptions {
  /** The window the map covers, in words (`28d`). */
  window: string;
  /** Passages an edge needs before it is worth a hint. */
  minSample: number;
  /** Share of all waiting an edge must account for. */
  minShare: number;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

/**
 * Bottleneck hints: a directly-follows edge that accounts for at least `minShare` of all waiting in the map
 * (median wait × passages, as `bottlenecks` ranks them) goes to the cell that owns the awaited step. Confidence
 * grows with the passages (1 − 1/√n) and with the edge's share of the waiting (full from half of it on).
 */
export function bottleneckHints(
  map: ProcessMap,
  agreements: readonly ManifestOf<'Agreement'>[],
  options: BottleneckHintOptions,
): RecommendationCandidate[] {
  const total = map.bottlenecks.reduce((sum, b) => sum + b.weightedWaitMs, 0);
  if (total <= 0) return [];
  const owner = new Map(map.activityOwners.map((o) => [o.activity, o.cell]));
  const out: RecommendationCandidate[] = [];
  for (const edge of map.bottlenecks) {
    const share = edge.weightedWaitMs / total;
    if (share < options.minShare || edge.frequency < options.minSample) continue;
    const cell = owner.get(edge.to);
    if (!cell) continue;
    const from = owner.get(edge.from) ?? null;
    const slo = agreements.flatMap((a) =>
      (a.spec.slos ?? [])
        .filter((s) => s.request === edge.from && s.response === edge.to)
        .map((s) => ({ agreement: a, slo: s })),
    )[0];
    const median = formatDuration(edge.medianMs);
    const promise = slo
      ? ` Agreement ${slo.agreement.metadata.name} promises ${Math.round(slo.slo.objective * 100)}% within ${slo.slo.within} (SLO ${slo.slo.name}).`
      : '';
    const confidence = Math.round((1 - 1 / Math.sqrt(edge.frequency)) * Math.min(1, share / 0.5) * 100) / 100;
    out.push({
      kind: 'bottleneck',
      key: `bottleneck:${edge.from}>${edge.to}`,
      cell,
      title: `Cases wait a median ${median} between ${edge.from} and ${edge.to}`,
      summary:
        `${percent(share)} of all waiting over the last ${options.window} is on this step: ${edge.frequency} passages, median ${median}, mean ${formatDuration(edge.meanMs)}.` +
        ` cell:${cell} owns ${edge.to}, the step the cases wait for${from && from !== cell ? `; cell:${from} hands them over` : ''}.${promise}`,
      move: `For two weeks, try one change that shortens the wait before ${edge.to}: more capacity at this step, smaller batches, or automating the hand-off${from && from !== cell ? ` from cell:${from}` : ''}.`,
      metric: `median time from ${edge.from} to ${edge.to} (now ${median})`,
      evidence: [
        {
          kind: 'insight',
          ref: `process-map:${edge.from}>${edge.to}`,
          note: `${edge.frequency} passages, median ${median}, ${percent(share)} of all waiting`,
        },
        ...(slo
          ? [
              {
                kind: 'agreement' as const,
                ref: slo.agreement.metadata.name,
                note: `SLO ${slo.slo.name}: ${Math.round(slo.slo.objective * 100)}% within ${slo.slo.within}`,
              },
            ]
          : []),
      ],
      facts: {
        from: edge.from,
        to: edge.to,
        frequency: edge.frequency,
        medianMs: edge.medianMs,
        meanMs: edge.meanMs,
        weightedWaitMs: edge.weightedWaitMs,
        shareOfWaiting: Math.round(share * 10_000) / 10_000,
        window: options.window,
      },
      impact: {
        metric: `waiting on ${edge.from} → ${edge.to} over ${options.window}`,
        current: edge.weightedWaitMs,
        expected: edge.weightedWaitMs / 2,
        change: -0.5,
        text: `Halving the median wait on this step would save about ${formatDuration(edge.weightedWaitMs / 2)} of waiting per ${options.window} (${percent(share / 2)} of all waiting).`,
      },
      confidence,
      sampleSize: edge.frequency,
    });
  }
  return out;
}
