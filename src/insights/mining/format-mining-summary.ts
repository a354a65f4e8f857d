import { formatDuration } from '../../shared/index.js';
import type { MiningResult } from './mining-result.js';

/** Longer variants are cut to this many activities in the summary. */
const VARIANT_STEPS = 8;

function percent(share: number): string {
  return `${Number((share * 100).toFixed(1))}%`;
}

function duration(ms: number | null): string {
  return ms === null ? 'n/a' : formatDuration(ms);
}

function heading(title: string, shown: number, total: number): string {
  return shown < total ? `${title} (top ${shown} of ${total}):` : `${title}:`;
}

/** Renders a mining result as a short plain-text report; each list shows at most `top` entries. */
export function formatMiningSummary(result: MiningResult, top = 10): string {
  const { summary: s, caseDurations: d, rework } = result;
  const lines: string[] = [];
  const what =
    result.options.classifier === 'name+lifecycle' ? `${result.log.activityKey}+lifecycle` : result.log.activityKey;
  lines.push(
    `${result.log.file ?? 'event log'} (${result.log.format.toUpperCase()}; activity = ${what}; ${result.options.lifecycle === 'complete' ? 'complete events only' : 'all events'})`,
    `${s.cases} cases, ${s.events} events, ${s.activities} activities, ${s.variants} variants, ${s.resources} resources`,
  );
  if (s.firstEventAt !== null) lines.push(`From ${s.firstEventAt} to ${s.lastEventAt} (UTC)`);
  if (s.cases === 0) return `${lines.join('\n')}\n`;
  lines.push(
    '',
    `Case duration: mean ${duration(d.meanMs)}, median ${duration(d.medianMs)}, p90 ${duration(d.p90Ms)}, min ${duration(d.minMs)}, max ${duration(d.maxMs)}`,
  );

  const variants = result.variants.slice(0, top);
  lines.push('', heading('Variants', variants.length, result.variants.length));
  variants.forEach((v, i) => {
    const steps = v.activities.slice(0, VARIANT_STEPS).join(' → ');
    const more = v.activities.length > VARIANT_STEPS ? ` → … (${v.activities.length} steps)` : '';
    lines.push(`  ${i + 1}. ${v.count} ${v.count === 1 ? 'case' : 'cases'} (${percent(v.share)}): ${steps}${more}`);
  });

  const counts = (list: { activity: string; count: number }[]) =>
    list
      .slice(0, top)
      .map((a) => `${a.activity} ${a.count}`)
      .join(', ') + (list.length > top ? `, … (${list.length} in all)` : '');
  lines.push(
    '',
    `Start activities: ${counts(result.startActivities)}`,
    `End activities: ${counts(result.endActivities)}`,
  );

  const bottlenecks = result.bottlenecks.slice(0, top);
  if (bottlenecks.length > 0) {
    lines.push('', heading('Bottlenecks, by median wait × frequency', bottlenecks.length, result.bottlenecks.length));
    for (const b of bottlenecks) {
      lines.push(
        `  ${b.from} → ${b.to}: ${b.frequency}×, median ${duration(b.medianMs)}, mean ${duration(b.meanMs)}, weighted ${duration(b.weightedWaitMs)}`,
      );
    }
  }

  lines.push('', `Rework: ${rework.cases} of ${s.cases} cases (${percent(rework.share)}) repeat an activity`);
  for (const a of rework.activities.slice(0, top))
    lines.push(`  ${a.activity}: repeated in ${a.cases} ${a.cases === 1 ? 'case' : 'cases'} (${percent(a.share)})`);

  const handovers = result.handovers.slice(0, top);
  if (handovers.length > 0) {
    lines.push('', heading('Handovers of work', handovers.length, result.handovers.length));
    for (const h of handovers) lines.push(`  ${h.from} → ${h.to}: ${h.count}`);
  }

  if (result.log.warnings.length > 0) lines.push('', 'Warnings:', ...result.log.warnings.map((w) => `  ${w}`));
  return `${lines.join('\n')}\n`;
}
