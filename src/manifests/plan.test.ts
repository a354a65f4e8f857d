import { describe, expect, it } from 'vitest';
import type { Manifest } from '../model/index.js';
import type { ManifestVersion } from '../store/index.js';
import { canonicalJson, diffFields, manifestHash, planChanges } from './plan.js';

const domain = (name: string, purpose: string): Manifest => ({
  apiVersion: 'cello/v1',
  kind: 'Domain',
  metadata: { name },
  spec: { purpose },
});
const stored = (manifest: Manifest, version = 1): ManifestVersion => ({
  kind: manifest.kind,
  name: manifest.metadata.name,
  version,
  manifest,
  hash: manifestHash(manifest),
  appliedAt: '2026-01-01T00:00:00.000Z',
  removed: false,
});

describe('plan', () => {
  it('lists added, changed (per field) and removed manifests, and nothing for an unchanged folder', () => {
    const current = [stored(domain('loans', 'Loans')), stored(domain('risk', 'Risk'), 3)];
    const plan = planChanges([domain('loans', 'Consumer loans'), domain('demand', 'Demand')], current);
    expect(plan.items.map((i) => [i.action, i.ref, i.nextVersion])).toEqual([
      ['add', 'domain:demand', 1],
      ['change', 'domain:loans', 2],
      ['remove', 'domain:risk', 4],
    ]);
    expect(plan.items[1]!.changes).toEqual([{ path: 'spec.purpose', before: 'Loans', after: 'Consumer loans' }]);
    expect(planChanges([domain('loans', 'Loans'), domain('risk', 'Risk')], current).items).toEqual([]);
  });

  it('ignores key order and reports array items by position', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe(canonicalJson({ a: { c: 3, d: 2 }, b: 1 }));
    expect(diffFields({ roles: ['member'] }, { roles: ['member', 'facilitator'] })).toEqual([
      { path: 'roles[1]', after: 'facilitator' },
    ]);
  });
});
