import { describe, expect, it } from 'vitest';
import { EventLogBuilder } from '../mining/index.js';
import { PrefixEncoder } from './prefix-encoder.js';

const at = (iso: string) => Date.parse(iso);

function log() {
  const builder = new EventLogBuilder();
  builder.add('c1', 'register', at('2024-03-04T09:00:00Z'), 'ann', 'complete');
  builder.setEventAttribute('cost', 'int', '10');
  builder.setCaseAttribute('region', 'string', 'north');
  builder.add('c1', 'check', at('2024-03-04T10:30:00Z'), 'bob', 'start');
  builder.add('c1', 'check', at('2024-03-04T12:00:00Z'), 'bob', 'complete');
  builder.setEventAttribute('cost', 'int', '20');
  builder.add('c2', 'register', at('2024-03-05T08:00:00Z'), 'cy', 'complete');
  builder.setCaseAttribute('region', 'string', 'south');
  return builder.build();
}

describe('PrefixEncoder', () => {
  it('encodes order, time, resources and data of a prefix, by the names it learned', () => {
    const events = log();
    const encoder = PrefixEncoder.fit(events, Int32Array.from([0, 1]));
    const row = new Float64Array(encoder.features.length);
    encoder.encode(events, 0, 2, row);
    const value = Object.fromEntries(encoder.features.map((f, i) => [f.name, row[i]]));
    // Codes by frequency, ties by name: check 0, register 1; complete 0, start 1; bob 0, ann 1, cy 2; north 0.
    expect(value).toEqual({
      events: 2,
      'activity −1': 0,
      'lifecycle −1': 1,
      'activity −2': 1,
      'lifecycle −2': 0,
      'activity −3': NaN,
      'lifecycle −3': NaN,
      'activity −4': NaN,
      'lifecycle −4': NaN,
      'activity −5': NaN,
      'lifecycle −5': NaN,
      'resource −1': 0,
      'resource −2': 1,
      'count check': 1,
      'count register': 1,
      'since check': 0,
      'since register': 1.5 * 3_600_000,
      elapsed: 1.5 * 3_600_000,
      'since previous event': 1.5 * 3_600_000,
      'gap before previous event': NaN,
      weekday: 1,
      hour: 10.5,
      // The second event has no cost: the latest value of the prefix is the first event's.
      'event cost': 10,
      'trace region': 0,
    });
    expect(encoder.features.find((f) => f.name === 'trace region')).toEqual({
      name: 'trace region',
      kind: 'category',
      categories: 3,
    });
  });

  it('reads another log through its names, giving unseen values the "other" code', () => {
    const encoder = PrefixEncoder.fit(log(), Int32Array.from([0, 1]));
    const builder = new EventLogBuilder();
    builder.add('live', 'audit', at('2024-03-09T09:00:00Z'), 'bob');
    builder.add('live', 'register', at('2024-03-09T10:00:00Z'), 'dan');
    const live = builder.build();
    const row = new Float64Array(encoder.features.length);
    encoder.encode(live, 0, 2, row);
    const value = (name: string) => row[encoder.features.findIndex((f) => f.name === name)];
    expect(value('activity −1')).toBe(1);
    expect(value('activity −2')).toBe(2);
    expect(value('resource −1')).toBe(3);
    expect(value('resource −2')).toBe(0);
    expect(value('count register')).toBe(1);
    expect(value('trace region')).toBeNaN();
  });
});
