import { describe, expect, it } from 'vitest';
import type { ManifestOf } from '../../model/index.js';
import { buildProcessMap } from '../live/process-map.js';
import { EventLogBuilder } from '../mining/index.js';
import { bottleneckHints } from './bottleneck-hints.js';

const H = 3_600_000;

function map(decisionHours: number, passages: number) {
  const builder = new EventLogBuilder();
  for (let c = 0; c < passages; c++) {
    builder.add(`loan-${c}`, 'asked', c * H, 'intake');
    builder.add(`loan-${c}`, 'decided', c * H + decisionHours * H, 'credit');
    builder.add(`loan-${c}`, 'closed', c * H + decisionHours * H + 600_000, 'intake');
  }
  const log = builder.build();
  return buildProcessMap(
    { log, scanned: log.eventCount, withoutCase: 0 },
    {
      caseNotion: 'subject',
      ownerOfType: (t) => (t === 'decided' ? 'credit' : undefined),
      query: { types: null, from: null, to: null, workflow: null, template: null, resource: 'publisher' },
    },
  );
}

const slo = {
  apiVersion: 'cello/v1',
  kind: 'Agreement',
  metadata: { name: 'credit-for-intake' },
  spec: {
    provider: 'cell:credit',
    offer: 'x',
    consumer: 'cell:intake',
    mode: 'x-as-a-service',
    slos: [{ name: 'fast', objective: 0.9, request: 'asked', response: 'decided', within: '4h', window: '28d' }],
  },
} as ManifestOf<'Agreement'>;

describe('bottleneckHints', () => {
  it('goes to the cell owning the awaited step, naming the agreement that covers the edge', () => {
    const [hint, ...rest] = bottleneckHints(map(6, 16), [slo], { window: '28d', minSample: 10, minShare: 0.25 });
    expect(rest).toEqual([]);
    expect(hint).toMatchObject({
      kind: 'bottleneck',
      key: 'bottleneck:asked>decided',
      cell: 'credit',
      sampleSize: 16,
      confidence: 0.75,
    });
    expect(hint!.facts).toMatchObject({ medianMs: 6 * H, shareOfWaiting: 0.973 });
    expect(hint!.summary).toContain('Agreement credit-for-intake promises 90% within 4h');
    expect(hint!.summary).toContain('cell:intake hands them over');
    expect(hint!.impact).toMatchObject({ current: 16 * 6 * H, expected: 8 * 6 * H, change: -0.5 });
  });

  it('needs enough passages, and an owner for the awaited step', () => {
    expect(bottleneckHints(map(6, 5), [slo], { window: '28d', minSample: 10, minShare: 0.25 })).toEqual([]);
    const noOwner = map(6, 16);
    const anonymous = {
      ...noOwner,
      activityOwners: noOwner.activityOwners.map((o) => ({ ...o, cell: null, basis: 'none' as const })),
    };
    expect(bottleneckHints(anonymous, [], { window: '28d', minSample: 10, minShare: 0.25 })).toEqual([]);
  });
});
