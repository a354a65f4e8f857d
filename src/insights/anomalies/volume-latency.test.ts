import { describe, expect, it } from 'vitest';
import type { EventColumnsRow } from '../../store/index.js';
import { EventLogBuilder } from '../mining/index.js';
import { bucketRange } from './bucket-range.js';
import { latencyAnomalies } from './latency-anomalies.js';
import { VolumeTally } from './volume-tally.js';

const H = 3_600_000;
const NOW = new Date(Date.UTC(2026, 2, 10, 12, 30));
const range = bucketRange(NOW, 'hour', 48);

describe('volume anomalies', () => {
  it('flags the last complete hour when it is far above the median of the hours before, per type and per cell', () => {
    const tally = new VolumeTally(range, (type) => (type === 'com.x.asked' ? 'intake' : undefined));
    let seq = 0;
    const row = (type: string, t: number, publisher: string | null): EventColumnsRow => [
      ++seq,
      type,
      'case',
      t,
      publisher,
    ];
    for (let h = 0; h < 48; h++) {
      const start = range.fromMs + h * H;
      const count = h === 47 ? 40 : 4 + (h % 3);
      for (let i = 0; i < count; i++) tally.observe(row('com.x.asked', start + i * 1000, null));
      tally.observe(row('com.x.steady', start, 'ops'));
    }
    // Outside the range: not counted.
    tally.observe(row('com.x.asked', range.toMs + 1, null));
    const anomalies = tally.anomalies(24);
    expect(anomalies.map((a) => [a.scope, a.key, a.value, a.direction])).toEqual([
      ['type', 'com.x.asked', 40, 'high'],
      ['cell', 'intake', 40, 'high'],
    ]);
    expect(anomalies[0]).toMatchObject({
      metric: 'volume',
      baselineMedian: 5,
      bucketStart: new Date(range.toMs - H).toISOString(),
      baselineBuckets: 47,
    });
  });

  it('judges a type only with enough history, and flags a drop as low', () => {
    const tally = new VolumeTally(range, () => undefined);
    for (let h = 30; h < 47; h++) tally.observe([h, 'com.x.young', 'c', range.fromMs + h * H, null]);
    expect(tally.anomalies(24)).toEqual([]);
    const dropping = new VolumeTally(range, () => undefined);
    for (let h = 0; h < 47; h++)
      for (let i = 0; i < 20; i++) dropping.observe([h * 100 + i, 'com.x.busy', 'c', range.fromMs + h * H, null]);
    expect(dropping.anomalies(24)).toMatchObject([{ key: 'com.x.busy', value: 0, direction: 'low' }]);
  });
});

describe('latency anomalies', () => {
  it('flags an event type (and the cell doing it) whose wait in the last hour is far above its usual median', () => {
    const builder = new EventLogBuilder();
    for (let h = 0; h < 48; h++) {
      for (let i = 0; i < 3; i++) {
        const id = `c-${h}-${i}`;
        const decided = range.fromMs + h * H + 30 * 60_000 + i;
        const wait = h === 47 ? 4 * H : (10 + (h % 4)) * 60_000;
        builder.add(id, 'asked', decided - wait, 'intake');
        builder.add(id, 'decided', decided, 'credit');
      }
    }
    const anomalies = latencyAnomalies(builder.build(), range, { minBaseline: 24, minEvents: 3 });
    expect(anomalies.map((a) => [a.metric, a.scope, a.key, a.value])).toEqual([
      ['latency', 'type', 'decided', 4 * H],
      ['latency', 'cell', 'credit', 4 * H],
    ]);
    expect(anomalies[0]!.baselineMedian).toBe(11 * 60_000);
  });
});
