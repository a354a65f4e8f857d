import { describe, expect, it } from 'vitest';
import { DeliveryDeadLettered } from './delivery-events.js';
import { parseCelloEvent } from './parse-cello-event.js';
import { TensionResolved } from './tension-events.js';

describe('the event catalogue', () => {
  it('parses data that matches its schema into typed data', () => {
    const parsed = parseCelloEvent({
      type: DeliveryDeadLettered,
      data: {
        delivery: 'd1',
        subscription: 'risk-alerts',
        eventSeq: 9,
        target: 'https://risk.example/hook',
        attempts: 5,
        lastStatusCode: 500,
        lastError: null,
      },
    });
    expect(parsed.ok).toBe(true);
    if (parsed.ok && parsed.type === DeliveryDeadLettered) expect(parsed.data.eventSeq).toBe(9);
  });

  it('says what is wrong with data that does not match, and with types it does not know', () => {
    const wrong = parseCelloEvent({ type: DeliveryDeadLettered, data: { delivery: 'd1', eventSeq: '9' } });
    expect(wrong).toMatchObject({ ok: false, type: DeliveryDeadLettered });
    expect(!wrong.ok && wrong.problem).toMatch(
      /^The data of .+dead-lettered does not match its schema in the event catalogue \(\/subscription: expected required property; .*\)\.$/,
    );
    expect(parseCelloEvent({ type: TensionResolved })).toMatchObject({
      ok: false,
      problem: expect.stringContaining('(the data itself): expected object'),
    });
    const unknown = parseCelloEvent({ type: `${TensionResolved}.again`, data: {} });
    expect(!unknown.ok && unknown.problem).toMatch(/is not in Cello's event catalogue; GET \/v1\/events\/catalog/);
    const foreign = parseCelloEvent({ type: 'com.acme.risk.scored', data: {} });
    expect(!foreign.ok && foreign.problem).toMatch(/com\.acme\.risk\.scored is not one of Cello's own event types/);
  });
});
