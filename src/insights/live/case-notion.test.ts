import { describe, expect, it } from 'vitest';
import type { ManifestOf } from '../../model/index.js';
import type { EventColumnsRow } from '../../store/index.js';
import { compileCaseNotion } from './case-notion.js';

const organization = {
  apiVersion: 'cello/v1',
  kind: 'Organization',
  metadata: { name: 'acme' },
  spec: {
    purpose: 'p',
    criteria: [],
    tensionTypes: [],
    review: { cadence: '0 14 * * 3' },
    mining: { caseIds: [{ type: 'com.acme.forecast.changed', expression: 'event.data.sku' }] },
  },
} as ManifestOf<'Organization'>;

/** A scanned row: seq, type, subject, time, publisher, extensions, id, source, time, data. */
const row = (
  type: string,
  subject: string | null,
  extensions: object | null = null,
  data: object | null = null,
): EventColumnsRow => [
  1,
  type,
  subject,
  0,
  null,
  extensions && JSON.stringify(extensions),
  'id-1',
  '/src',
  null,
  data && JSON.stringify(data),
];

describe('compileCaseNotion', () => {
  it('takes the subject, then the caseid extension, by default', () => {
    const notion = compileCaseNotion();
    expect(notion.caseOf(row('com.acme.loan.asked', 'loan-1', { caseid: 'other' }))).toBe('loan-1');
    expect(notion.caseOf(row('com.acme.loan.asked', null, { caseid: 'c-9' }))).toBe('c-9');
    expect(notion.caseOf(row('com.acme.loan.asked', null, { caseid: 42 }))).toBe('42');
    expect(notion.caseOf(row('com.acme.loan.asked', null))).toBeUndefined();
    expect(notion.misses.get('com.acme.loan.asked')).toEqual({ missing: 1, failed: 0 });
  });

  it("uses the organization's CEL expression for its type, counting events it cannot place", () => {
    const notion = compileCaseNotion(organization);
    expect(notion.expressionTypes).toEqual(['com.acme.forecast.changed']);
    expect(notion.caseOf(row('com.acme.forecast.changed', 'ignored', null, { sku: 'SKU-7' }))).toBe('SKU-7');
    expect(notion.caseOf(row('com.acme.forecast.changed', 'ignored', null, { other: 1 }))).toBeUndefined();
    expect(notion.caseOf(row('com.acme.loan.asked', 'loan-1'))).toBe('loan-1');
    expect(notion.misses.get('com.acme.forecast.changed')).toEqual({ missing: 0, failed: 1 });
    expect(notion.describe()).toBe(
      'com.acme.forecast.changed: event.data.sku; otherwise the subject, then the caseid extension',
    );
  });
});
