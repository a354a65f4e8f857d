import { describe, expect, it } from 'vitest';
import type { Manifest } from '../model/index.js';
import { createOrgView } from './org-view.js';

const risk = (schema: object): Manifest =>
  ({
    apiVersion: 'cello/v1',
    kind: 'Cell',
    metadata: { name: 'risk' },
    spec: {
      type: 'stream-aligned',
      purpose: 'Score loans.',
      members: [{ name: 'Amara', roles: ['facilitator'] }],
      offers: [{ name: 'risk-signals', type: 'event', events: [{ type: 'com.acme.risk.score.changed', schema }] }],
    },
  }) as Manifest;

describe('createOrgView().dataProblems', () => {
  it('checks data against the offer schema and names the field', () => {
    const view = createOrgView([risk({ type: 'object', properties: { score: { type: 'number' } } })]);
    expect(view.dataProblems('com.acme.risk.score.changed', { score: 0.5 })).toEqual([]);
    expect(view.dataProblems('com.acme.risk.score.changed', { score: 'high' })).toEqual(['data.score must be number']);
  });

  // A backtracking engine needs about 2^n steps for this pattern on n letters and a "!": with 40 letters one
  // event would hold the server for hours. RE2 answers in linear time.
  it('runs schema patterns on RE2, so a pathological pattern cannot stall ingest', () => {
    const view = createOrgView([
      risk({ type: 'object', properties: { model: { type: 'string', pattern: '^(a+)+$' } } }),
    ]);
    expect(view.dataProblems('com.acme.risk.score.changed', { model: `${'a'.repeat(40)}!` })).toEqual([
      'data.model must match pattern "^(a+)+$"',
    ]);
    expect(view.dataProblems('com.acme.risk.score.changed', { model: 'aaaa' })).toEqual([]);
  });
});
