import { describe, expect, it } from 'vitest';
import { EventLogBuilder } from './event-log-builder.js';
import { mineLog } from './mine-log.js';

describe('log views', () => {
  const builder = new EventLogBuilder();
  builder.add('a', 'ask', 0, 'ann', 'complete');
  builder.add('a', 'answer', 10, 'bob', 'start');
  builder.add('a', 'answer', 20, 'bob', 'complete');
  builder.add('b', 'ask', 5, 'ann', 'complete');
  builder.add('b', 'escalate', 8, 'cy', 'complete');
  builder.add('c', 'answer', 30, 'bob', 'start');
  const log = builder.build();

  it('drops the events and the cases a complete-only view leaves out', () => {
    const complete = mineLog(log, { lifecycle: 'complete' });
    expect(complete.summary).toMatchObject({ cases: 2, events: 4 });
    expect(complete.caseDurations).toMatchObject({ count: 2, minMs: 3, maxMs: 20 });
    expect(complete.directlyFollows.map((e) => `${e.from}>${e.to}`)).toEqual(['ask>answer', 'ask>escalate']);
  });
});
