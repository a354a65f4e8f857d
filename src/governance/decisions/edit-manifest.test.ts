import { describe, expect, it } from 'vitest';
import { smallOrg } from '../../../test/governance/small-org.js';
import { diffFields } from '../../manifests/index.js';
import { editManifest, parseFieldPath } from './edit-manifest.js';

const agreement = smallOrg().find((m) => m.kind === 'Agreement')!;

describe('editing a manifest by field paths', () => {
  it('sets nested fields and leaves the original alone', () => {
    const next = editManifest(agreement, { 'spec.slos[0].within': '2m', 'spec.reviewDate': '2026-03-01' });
    expect(diffFields(agreement, next)).toEqual([
      { path: 'spec.reviewDate', before: '2026-06-01', after: '2026-03-01' },
      { path: 'spec.slos[0].within', before: '5m', after: '2m' },
    ]);
    expect(agreement.kind === 'Agreement' && agreement.spec.slos![0]!.within).toBe('5m');
  });

  it('removes fields and appends to lists', () => {
    const next = editManifest(agreement, { 'spec.entryCriteria[0]': 'Payments sends loan ids.' }, ['spec.reviewDate']);
    expect(next.kind === 'Agreement' && next.spec.reviewDate).toBeUndefined();
    expect(next.kind === 'Agreement' && next.spec.entryCriteria).toEqual(['Payments sends loan ids.']);
  });

  it('refuses a change that breaks the schema, saying where', () => {
    expect(() => editManifest(agreement, { 'spec.slos[0].within': 'soon' })).toThrow(
      /would not be valid: \/spec\/slos\/0\/within/,
    );
  });

  it('never renames or re-kinds a manifest', () => {
    expect(() => parseFieldPath('metadata.name')).toThrow(/cannot be changed by a decision/);
    expect(() => parseFieldPath('kind')).toThrow(/cannot be changed by a decision/);
  });
});
