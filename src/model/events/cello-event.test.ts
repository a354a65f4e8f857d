import { describe, expect, it } from 'vitest';
import { celloEvent } from './cello-event.js';
import { GOVERNANCE_SOURCE, workflowSource } from './event-sources.js';
import { TensionResolved } from './tension-events.js';
import { WorkflowFailed } from './workflow-events.js';

describe('celloEvent', () => {
  it('builds events producers cannot get wrong: the type, its source and its data', () => {
    const event = celloEvent(TensionResolved, {
      subject: 'T-1',
      time: new Date('2026-01-05T09:00:00Z'),
      data: { tension: 'T-1', by: 'Ana', reason: 'fixed' },
    });
    expect(event).toMatchObject({
      specversion: '1.0',
      type: TensionResolved,
      source: GOVERNANCE_SOURCE,
      subject: 'T-1',
      time: '2026-01-05T09:00:00.000Z',
      datacontenttype: 'application/json',
    });
    const failed = celloEvent(WorkflowFailed, {
      id: 'i-1',
      source: workflowSource('refunds'),
      time: new Date(0),
      data: { instance: 'i', step: 'approve', error: 'Step "approve" failed' },
    });
    expect(failed.source).toBe('/cello/workflows/refunds');
  });

  it('does not compile with an unknown type, data of another shape, or a source the catalogue fixes or leaves open', () => {
    const time = new Date(0);
    // Never called: the expectations are the compiler's.
    const wrong = () => [
      // @ts-expect-error: not a type of the catalogue
      celloEvent('com.acme.thing.happened', { time, data: {} }),
      // @ts-expect-error: reason is missing
      celloEvent(TensionResolved, { time, data: { tension: 'T-1', by: 'Ana' } }),
      // @ts-expect-error: the catalogue fixes the governance source
      celloEvent(TensionResolved, { source: '/elsewhere', time, data: { tension: 'T-1', by: 'Ana', reason: 'x' } }),
      // @ts-expect-error: a workflow event's source names its workflow
      celloEvent(WorkflowFailed, { time, data: { instance: 'i', step: 's', error: 'e' } }),
    ];
    expect(wrong).toBeTypeOf('function');
  });
});
