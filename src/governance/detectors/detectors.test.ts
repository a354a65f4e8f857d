import { describe, expect, it } from 'vitest';
import { smallOrg } from '../../../test/governance/small-org.js';
import { createOrgView } from '../../engine/index.js';
import { buildOrgModel, runLintRules } from '../../manifests/index.js';
import { DeliveryDeadLettered, TensionRaised, type StoredEvent } from '../../model/index.js';
import { silentLogger } from '../../shared/index.js';
import { cellsOfFinding, lintFindingTensions } from './boundary-lint-detector.js';
import { deadLetterTension } from './dead-letter-detector.js';
import { createGuardrailDetector } from './guardrail-detector.js';

const stored = (seq: number, type: string, data: unknown, extra: Partial<StoredEvent> = {}): StoredEvent => ({
  specversion: '1.0',
  id: `e${seq}`,
  source: '/test',
  type,
  data,
  seq,
  recordedAt: '2026-01-05T10:00:00.000Z',
  ...extra,
});

describe('the dead-letter detector', () => {
  it('raises one tension per subscription, between the subscriber and the owner of the event type', () => {
    const original = stored(7, 'com.tiny.payment.settled', { amount: 1 }, { recordedAt: '2026-01-05T09:00:00.000Z' });
    const data = {
      delivery: 'd1',
      subscription: 'risk-hears-settlements',
      cell: 'cell:risk',
      eventSeq: 7,
      target: 'http://x',
      attempts: 1,
      lastStatusCode: 500,
      lastError: null,
    };
    const input = deadLetterTension(
      stored(9, DeliveryDeadLettered, data),
      data,
      original,
      (type) => (type === 'com.tiny.payment.settled' ? 'payments' : undefined),
      'interface',
    );
    expect(input).toMatchObject({
      detector: 'dead-letters',
      subject: 'subscription:risk-hears-settlements',
      type: 'interface',
      cells: ['risk', 'payments'],
      observedAt: '2026-01-05T09:00:00.000Z',
      evidence: [
        { kind: 'delivery', ref: 'd1' },
        { kind: 'event', ref: '7' },
      ],
    });
  });
});

describe('the boundary-lint detector', () => {
  const model = buildOrgModel(smallOrg());
  const findings = runLintRules(model, { now: new Date('2026-01-05T00:00:00Z') });

  it('turns each finding into a tension keyed by rule, manifest and path, about the cells concerned', () => {
    const inputs = lintFindingTensions(findings, model, 'boundary', []);
    expect(inputs.map((i) => i.subject).sort()).toEqual([
      'agreement-slo:Agreement/payments-for-risk#spec',
      'tension-type-undecided:Organization/tiny#spec.tensionTypes[5].name',
    ]);
    expect(inputs.find((i) => i.subject.startsWith('agreement-slo'))).toMatchObject({
      cells: ['payments', 'risk'],
      severity: 'medium',
      type: 'boundary',
    });
  });

  it('leaves ignored rules alone', () => {
    expect(lintFindingTensions(findings, model, 'boundary', ['agreement-slo', 'tension-type-undecided'])).toEqual([]);
  });

  it('finds the cells of a domain through its owners', () => {
    expect(
      cellsOfFinding(
        {
          ruleId: 'x',
          severity: 'warning',
          file: '',
          line: 0,
          column: 0,
          kind: 'Domain',
          name: 'scoring',
          message: '',
          hint: '',
        },
        model,
      ),
    ).toEqual(['risk']);
  });
});

describe('the guardrail detector', () => {
  const org = createOrgView(smallOrg());
  const detector = createGuardrailDetector(silentLogger);
  const now = new Date('2026-01-05T12:00:00Z');

  it('reports events whose guardrail expression is false, one report per guardrail and cell, counting each event', () => {
    const events = [
      stored(1, 'com.tiny.payment.settled', { currency: 'EUR' }, { time: '2026-01-05T11:00:00Z' }),
      stored(2, 'com.tiny.payment.settled', { amount: 3 }),
      stored(3, 'com.tiny.payment.settled', {}),
      stored(4, 'com.tiny.risk.scored', {}),
    ];
    const [report, ...rest] = detector.check(events, org, 'process', now);
    expect(rest).toEqual([]);
    expect(report).toMatchObject({
      detector: 'guardrail',
      subject: 'guardrail:settlements-carry-amount/cell:payments',
      cells: ['payments'],
      severity: 'medium',
      occurrences: 2,
      observedAt: '2026-01-05T11:00:00.000Z',
      evidence: [
        { kind: 'event', ref: '1' },
        { kind: 'event', ref: '3' },
      ],
    });
  });

  it("never checks Cello's own events", () => {
    expect(detector.check([stored(5, TensionRaised, {})], org, 'process', now)).toEqual([]);
  });
});
