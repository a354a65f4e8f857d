import { describe, expect, it } from 'vitest';
import { measureSlo, type SloSignal } from './measure-slo.js';

const H = 3_600_000;
const at = (seq: number, hours: number, key: string): SloSignal => ({ seq, timeMs: hours * H, key });

describe('measureSlo', () => {
  const window = { fromMs: 0, nowMs: 100 * H, withinMs: 4 * H };

  it('counts a request answered within the promise as met, a late or missing answer as missed', () => {
    const result = measureSlo([at(1, 1, 'a'), at(2, 2, 'b'), at(3, 3, 'c')], [at(4, 3, 'a'), at(5, 9, 'b')], window);
    expect(result).toMatchObject({ counted: 3, met: 1, missed: 2, pending: 0, compliance: 0.3333, missedSeqs: [2, 3] });
    expect(result.latency).toEqual({ medianMs: 4.5 * H, p90Ms: 6.5 * H, answered: 2 });
    // The first signal: b's deadline (2h + 4h).
    expect(result.firstMissAtMs).toBe(6 * H);
  });

  it('answers the oldest open request with the same key first, and ignores answers to nothing', () => {
    const result = measureSlo([at(1, 1, 'a'), at(2, 2, 'a')], [at(3, 2, 'a'), at(4, 7, 'a'), at(5, 8, 'z')], window);
    expect(result).toMatchObject({ met: 1, missed: 1, unmatchedResponses: 1 });
    expect(result.latency.answered).toBe(2);
  });

  it('leaves unanswered requests whose deadline has not passed as pending, not missed', () => {
    const result = measureSlo([at(1, 98, 'a')], [], window);
    expect(result).toMatchObject({ counted: 0, pending: 1, compliance: null });
  });

  it('reads requests before the window only so their late answers do not answer newer ones', () => {
    const result = measureSlo([at(1, -2, 'a'), at(2, 1, 'a')], [at(3, 1, 'a')], { ...window, fromMs: 0 });
    // The answer at 1h goes to the request at −2h (outside the window); the request at 1h is never answered.
    expect(result).toMatchObject({ counted: 1, met: 0, missed: 1 });
  });

  it('counts an answer in the same millisecond as its request', () => {
    expect(measureSlo([at(1, 5, 'a')], [at(2, 5, 'a')], window)).toMatchObject({ met: 1, compliance: 1 });
  });
});
