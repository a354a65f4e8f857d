import { describe, expect, it } from 'vitest';
import { parseFieldValue, readPath, showValue } from './field-path.js';

describe('field paths of an agreement change', () => {
  const agreement = { spec: { reviewDate: '2026-03-01', slos: [{ within: '4h', objective: 0.95 }] } };

  it('reads the current value the form shows as a hint', () => {
    expect(readPath(agreement, 'spec.slos[0].within')).toBe('4h');
    expect(readPath(agreement, 'spec.slos[3].within')).toBeUndefined();
    expect(showValue(readPath(agreement, 'spec.exitCriteria'))).toBe('(not set)');
  });

  it('reads typed values as JSON when they parse, as text otherwise', () => {
    expect(parseFieldValue('0.99')).toBe(0.99);
    expect(parseFieldValue('["a","b"]')).toEqual(['a', 'b']);
    expect(parseFieldValue('2h')).toBe('2h');
    expect(parseFieldValue('2026-06-01')).toBe('2026-06-01');
  });
});
