import { createHash } from 'node:crypto';
import { type FieldChange, type Manifest, type ManifestKind } from '../model/index.js';
import { manifestKey } from './lint/reference-rules.js';
import type { ManifestVersion } from '../store/index.js';

export type { FieldChange } from '../model/index.js';

export type PlanAction = 'add' | 'change' | 'remove';

export interface PlanItem {
  action: PlanAction;
  kind: ManifestKind;
  name: string;
  ref: string;
  /** The version this item will create. */
  nextVersion: number;
  manifest: Manifest | null;
  hash: string;
  changes: FieldChange[];
}

export interface Plan {
  items: PlanItem[];
  unchanged: number;
}

/** JSON with object keys sorted, so equal manifests hash equally whatever the YAML key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

export function manifestHash(manifest: Manifest | null): string {
  return createHash('sha256')
    .update(manifest ? canonicalJson(manifest) : 'removed')
    .digest('hex');
}

/** The name a manifest is stored under: each template version is its own manifest, `case-handling@2`. */
export function storedName(manifest: Manifest): string {
  return manifest.kind === 'Template' ? `${manifest.metadata.name}@${manifest.spec.version}` : manifest.metadata.name;
}

/** What applying `desired` over `current` would do: added, changed (per field) and removed manifests. */
export function planChanges(desired: readonly Manifest[], current: readonly ManifestVersion[]): Plan {
  const applied = new Map(current.filter((v) => !v.removed).map((v) => [`${v.kind}/${v.name}`, v]));
  const seen = new Set<string>();
  const items: PlanItem[] = [];
  let unchanged = 0;
  for (const manifest of desired) {
    const key = `${manifest.kind}/${storedName(manifest)}`;
    seen.add(key);
    const hash = manifestHash(manifest);
    const before = applied.get(key);
    if (before?.hash === hash) {
      unchanged++;
      continue;
    }
    items.push({
      action: before ? 'change' : 'add',
      kind: manifest.kind,
      name: storedName(manifest),
      ref: manifestKey(manifest),
      nextVersion: (before?.version ?? latestVersion(current, manifest.kind, storedName(manifest))) + 1,
      manifest,
      hash,
      changes: before ? diffFields(before.manifest, manifest) : [],
    });
  }
  for (const [key, version] of applied) {
    if (seen.has(key)) continue;
    items.push({
      action: 'remove',
      kind: version.kind,
      name: version.name,
      ref: manifestKey(version.manifest),
      nextVersion: version.version + 1,
      manifest: null,
      hash: manifestHash(null),
      changes: [],
    });
  }
  const order = { add: 0, change: 1, remove: 2 };
  items.sort((a, b) => order[a.action] - order[b.action] || a.ref.localeCompare(b.ref));
  return { items, unchanged };
}

function latestVersion(current: readonly ManifestVersion[], kind: ManifestKind, name: string): number {
  return current.filter((v) => v.kind === kind && v.name === name).reduce((max, v) => Math.max(max, v.version), 0);
}

/** Field-level differences, with array items compared by position. */
export function diffFields(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (canonicalJson(before) === canonicalJson(after)) return [];
  const bothObjects = isPlainObject(before) && isPlainObject(after);
  const bothArrays = Array.isArray(before) && Array.isArray(after);
  if (!bothObjects && !bothArrays) {
    return [
      {
        path: path || '(root)',
        ...(before !== undefined ? { before } : {}),
        ...(after !== undefined ? { after } : {}),
      },
    ];
  }
  if (bothArrays) {
    const length = Math.max(before.length, after.length);
    return Array.from({ length }, (_, i) => diffFields(before[i], after[i], `${path}[${i}]`)).flat();
  }
  const keys = [...new Set([...Object.keys(before as object), ...Object.keys(after as object)])].sort();
  return keys.flatMap((k) =>
    diffFields(
      (before as Record<string, unknown>)[k],
      (after as Record<string, unknown>)[k],
      path ? `${path}.${k}` : k,
    ),
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
