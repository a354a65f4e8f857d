import { describe, expect, it } from 'vitest';
import { CELLO_EVENT_PREFIX, TensionRaised, WorkflowStarted } from '../../model/index.js';
import type { EventColumnsRow } from '../../store/index.js';
import { bucketSpan } from './bucket-span.js';
import { TimeseriesTally, type SloSeriesSpec } from './timeseries-tally.js';

const H = 3_600_000;
const at = (iso: string) => Date.parse(iso);
const NOW = at('2026-03-12T12:00:00Z');

const slo = (agreement: string, within: string, withinMs: number): SloSeriesSpec => ({
  agreement,
  provider: 'answers',
  consumer: 'askers',
  slo: `answered-within-${within}`,
  objective: 0.9,
  request: 'com.x.asked',
  response: 'com.x.answered',
  within,
  withinMs,
  correlateBy: 'subject',
});

function feed(tally: TimeseriesTally, events: [type: string, subject: string | null, iso: string][]): void {
  events.forEach(([type, subject, iso], i) =>
    tally.observe([i + 1, type, subject, at(iso), null] satisfies EventColumnsRow),
  );
}

describe('TimeseriesTally', () => {
  // Two days, 2026-03-10 and 2026-03-11, seen at noon on the 12th.
  const span = bucketSpan('day', at('2026-03-10T00:00:00Z'), at('2026-03-12T00:00:00Z'));

  function twoDays(): TimeseriesTally {
    const tally = new TimeseriesTally(span, [slo('strict', '4h', 4 * H), slo('relaxed', '6h', 6 * H)], {
      types: ['com.x.*', 'com.x.answered', `${CELLO_EVENT_PREFIX}*`],
      includeCello: false,
      nowMs: NOW,
    });
    feed(tally, [
      // Asked before the span: read only so that the first answer goes to it, not to the request of 00:30.
      ['com.x.asked', 'k0', '2026-03-09T22:00:00Z'],
      ['com.x.asked', 'k0', '2026-03-10T00:30:00Z'],
      ['com.x.answered', 'k0', '2026-03-10T01:00:00Z'],
      ['com.x.answered', 'k0', '2026-03-10T06:00:00Z'],
      ['com.x.asked', 'k1', '2026-03-10T10:00:00Z'],
      ['com.x.answered', 'k1', '2026-03-10T11:00:00Z'],
      ['com.x.asked', 'k3', '2026-03-11T08:00:00Z'],
      ['com.x.asked', 'k2', '2026-03-11T23:00:00Z'],
      [TensionRaised, 'T-1', '2026-03-11T09:00:00Z'],
      [WorkflowStarted, 'k2', '2026-03-11T23:00:00Z'],
      ['com.x.asked', null, '2026-03-11T10:00:00Z'],
      // After the span: the answer to k2 (2 hours, in time), not counted as throughput.
      ['com.x.answered', 'k2', '2026-03-12T01:00:00Z'],
    ]);
    return tally;
  }

  it('counts events per bucket: the total without Cello’s own records (workflow events stay), and each type pattern', () => {
    const { events } = twoDays().result();
    expect(events).toEqual({
      total: [5, 4],
      byType: [
        { type: 'com.x.*', counts: [5, 3] },
        { type: 'com.x.answered', counts: [3, 0] },
        { type: `${CELLO_EVENT_PREFIX}*`, counts: [0, 2] },
      ],
    });
  });

  it('judges each request in the bucket it was made in: late and unanswered requests are missed, late answers still time the latency', () => {
    const [strict, relaxed] = twoDays().result().slos;
    expect(strict).toMatchObject({ agreement: 'strict', within: '4h', uncorrelated: 1 });
    expect(strict!.points).toEqual([
      // 00:30 answered at 06:00 (5.5 h, late), 10:00 at 11:00 (1 h).
      {
        counted: 2,
        met: 1,
        missed: 1,
        pending: 0,
        compliance: 0.5,
        latency: { medianMs: 3.25 * H, p90Ms: 5.05 * H, answered: 2 },
      },
      // 08:00 never answered, its deadline long past; 23:00 answered at 01:00 the next day.
      {
        counted: 2,
        met: 1,
        missed: 1,
        pending: 0,
        compliance: 0.5,
        latency: { medianMs: 2 * H, p90Ms: 2 * H, answered: 1 },
      },
    ]);
    // The same pairing under a 6 hour promise: the 5.5 hour answer is in time.
    expect(relaxed!.points.map((p) => [p.met, p.missed, p.compliance])).toEqual([
      [2, 0, 1],
      [1, 1, 0.5],
    ]);
  });

  it('reads the SLO types up to the longest promise around the span, and every type inside it', () => {
    expect(twoDays().ranges()).toEqual([
      { fromMs: at('2026-03-09T18:00:00Z'), toMs: span.fromMs, types: ['com.x.asked', 'com.x.answered'] },
      { fromMs: span.fromMs, toMs: span.toMs },
      { fromMs: span.toMs, toMs: at('2026-03-12T06:00:00Z'), types: ['com.x.asked', 'com.x.answered'] },
    ]);
  });

  it('leaves a request whose deadline is still ahead pending, and reads answers no later than now', () => {
    const today = bucketSpan('hour', at('2026-03-12T09:00:00Z'), NOW + 1);
    const tally = new TimeseriesTally(today, [slo('strict', '4h', 4 * H)], {
      types: [],
      includeCello: false,
      nowMs: NOW,
    });
    expect(tally.ranges().at(-1)).toEqual({ fromMs: today.fromMs, toMs: today.toMs });
    feed(tally, [
      ['com.x.asked', 'a', '2026-03-12T09:10:00Z'],
      ['com.x.asked', 'b', '2026-03-12T09:20:00Z'],
      ['com.x.answered', 'b', '2026-03-12T09:50:00Z'],
    ]);
    const [series] = tally.result().slos;
    expect(series!.points[0]).toEqual({
      counted: 1,
      met: 1,
      missed: 0,
      pending: 1,
      compliance: 1,
      latency: { medianMs: 0.5 * H, p90Ms: 0.5 * H, answered: 1 },
    });
    expect(
      series!.points.slice(1).every((p) => p.counted === 0 && p.compliance === null && p.latency.medianMs === null),
    ).toBe(true);
  });
});
