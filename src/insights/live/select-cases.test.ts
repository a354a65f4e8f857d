import { describe, expect, it } from 'vitest';
import { EventLogBuilder, mineLog } from '../mining/index.js';
import { selectCases } from './select-cases.js';

describe('selectCases', () => {
  it('mines a cut log with only the activities and resources of the cases it keeps', () => {
    const builder = new EventLogBuilder();
    builder.add('a', 'ask', 0, 'ann');
    builder.add('a', 'answer', 10, 'bob');
    builder.add('b', 'ask', 5, 'ann');
    builder.add('b', 'escalate', 8, 'cy');
    const cut = mineLog(selectCases(builder.build(), (id) => id === 'a'));
    expect(cut.summary).toMatchObject({ cases: 1, events: 2, activities: 2, resources: 2 });
    expect(cut.activities.map((a) => a.activity)).toEqual(['answer', 'ask']);
    expect(cut.variants.map((v) => v.activities)).toEqual([['ask', 'answer']]);
  });
});
