import { describe, expect, it } from 'vitest';
import { EventLogBuilder } from '../mining/index.js';
import { findStalledCases } from './stalled-cases.js';

const H = 3_600_000;

describe('findStalledCases', () => {
  // Six finished cases: asked → decided after 1 to 6 hours → closed. Two open cases: one waits after "asked", one just started.
  const builder = new EventLogBuilder();
  for (let c = 1; c <= 6; c++) {
    builder.add(`done-${c}`, 'asked', 0);
    builder.add(`done-${c}`, 'decided', c * H, 'credit');
    builder.add(`done-${c}`, 'closed', c * H + 1);
  }
  builder.add('waiting', 'asked', 10 * H);
  builder.add('fresh', 'asked', 29 * H);
  const log = builder.build();
  const owners = (activity: string) => (activity === 'decided' ? 'credit' : 'intake');

  it('calls an open case stalled once it has waited longer than the p90 of the gaps after its last activity', () => {
    const stalled = findStalledCases(log, 30 * H, owners, { minSamples: 5 });
    expect(stalled).toEqual([
      {
        case: 'waiting',
        lastActivity: 'asked',
        lastEventAt: new Date(10 * H).toISOString(),
        idleMs: 20 * H,
        p90GapMs: 5.5 * H,
        gapSamples: 6,
        expectedNext: 'decided',
        waitingOn: 'credit',
      },
    ]);
  });

  it('takes a case that ends where cases usually end as finished, and needs enough gaps to judge', () => {
    expect(findStalledCases(log, 1000 * H, owners, { minSamples: 5 }).map((s) => s.case)).toEqual(['waiting', 'fresh']);
    expect(findStalledCases(log, 1000 * H, owners, { minSamples: 7 })).toEqual([]);
  });
});
