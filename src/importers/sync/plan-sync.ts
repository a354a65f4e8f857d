import path from 'node:path';
import { Value } from '@sinclair/typebox/value';
import {
  canonicalJson,
  diffFields,
  formatPath,
  mergeFields,
  type FieldChange,
  type Finding,
  type ManifestNotes,
} from '../../manifests/index.js';
import { MANIFEST_SCHEMAS, type Manifest, type ManifestKind } from '../../model/index.js';
import type { ImportedManifest, SourceImport } from '../imported-manifest.js';
import { importFinding } from '../import-rules.js';
import { importKey, type FolderState } from './folder-state.js';
import type { ImportRecord, RecordedManifest } from './import-record.js';

/** One manifest the import adds, changes or removes in the folder. */
export interface SyncChange {
  action: 'create' | 'update' | 'remove';
  kind: ManifestKind;
  name: string;
  /** Relative to the org folder: where it is, or where it will be created. */
  file: string;
  /** The manifest to write (create and update). */
  manifest?: Manifest;
  /** Comments for the fields written (create: all of them; update: the ones it adds). */
  notes?: ManifestNotes;
  /** For an update: what changes, field by field. */
  fields: FieldChange[];
}

/** A field (or a whole manifest or file) both the folder and the source changed since the last import. */
export interface SyncConflict {
  kind?: ManifestKind;
  name?: string;
  file: string;
  /** `spec.purpose`, or empty for the whole manifest or file. */
  field: string;
  base?: unknown;
  ours?: unknown;
  theirs?: unknown;
  /** What happened and what the folder keeps, as a sentence. */
  message: string;
}

/** A file that is not a manifest (an AsyncAPI document) to write or remove. */
export interface FileChange {
  action: 'create' | 'update' | 'remove';
  path: string;
  text?: string;
}

/** What an import will do to an org folder, and the record it leaves for the next one. */
export interface SyncPlan {
  changes: SyncChange[];
  files: FileChange[];
  conflicts: SyncConflict[];
  /** Imported manifests the folder does not take (an Organization when it has its own). */
  findings: Finding[];
  unchanged: number;
  record: ImportRecord;
}

/**
 * Plans an import as a three-way merge per manifest and field: base = what the last import from this source wrote
 * (its record), ours = the folder now, theirs = this import. What only the source changed is updated, what only the
 * folder changed is kept, and what both changed differently is a conflict: listed, with the folder's value kept.
 * A manifest the source dropped is removed unless the folder changed it; one the folder removed stays removed.
 * The record moves on to this import, so a conflict is reported once, in the import that finds it.
 */
export function planSync(imported: SourceImport, base: ImportRecord | undefined, folder: FolderState): SyncPlan {
  const plan: SyncPlan = {
    changes: [],
    files: [],
    conflicts: [],
    findings: [],
    unchanged: 0,
    record: { source: imported.source, manifests: [], files: [] },
  };
  const baseByKey = new Map((base?.manifests ?? []).map((m) => [m.key, m]));
  const theirsByKey = new Map(imported.manifests.map((m) => [importKey(m.manifest), m]));
  for (const key of new Set([...theirsByKey.keys(), ...baseByKey.keys()])) {
    const recorded = baseByKey.get(key);
    const incoming = theirsByKey.get(key);
    if (incoming || !recorded?.partial) planManifest(key, recorded, incoming, folder, plan);
    else if (folder.manifests.has(key)) planManifest(key, recorded, withdrawn(recorded), folder, plan, false);
  }
  planFiles(imported, base, folder, plan);
  return plan;
}

function planManifest(
  key: string,
  base: RecordedManifest | undefined,
  theirs: ImportedManifest | undefined,
  folder: FolderState,
  plan: SyncPlan,
  /** False for a contribution the source withdrew: nothing to record for it. */
  fromSource = true,
): void {
  const ours = folder.manifests.get(key);
  const kind = (theirs?.manifest.kind ?? base!.manifest.kind) as ManifestKind;
  const name = theirs?.manifest.metadata.name ?? base!.manifest.metadata.name;
  const file = ours?.file ?? theirs?.file ?? base!.file;
  const label = { kind, name, file };
  const record = (entry: RecordedManifest | undefined) => entry && plan.record.manifests.push(entry);
  const recorded: RecordedManifest | undefined =
    theirs && fromSource
      ? { key, file: theirs.file, partial: theirs.partial === true, manifest: theirs.manifest }
      : undefined;

  if (kind === 'Organization' && theirs) {
    const own = [...folder.manifests.values()].find((m) => m.manifest.kind === 'Organization');
    if (own && importKey(own.manifest) !== key) {
      if (theirs.fallback) return;
      plan.findings.push(
        importFinding(
          'organization-skipped',
          { file: path.join(folder.dir, own.file) },
          `The folder has its own Organization "${own.manifest.metadata.name}", so the imported Organization "${name}" was not written.`,
          'nothing to do; merge what you need from the source into your Organization by hand',
          { kind, name },
        ),
      );
      return;
    }
  }
  if (folder.invalid.has(key)) {
    plan.conflicts.push({
      ...label,
      field: '',
      message: `${kind} "${name}" in the folder does not pass its schema, so the import left it alone; run cello validate, fix it and import again.`,
    });
    record(base);
    return;
  }
  if (!ours) {
    if (!theirs?.partial) record(recorded);
    if (!theirs || (base && sameValue(base.manifest, theirs.manifest))) return;
    if (base && !theirs.partial) {
      plan.conflicts.push({
        ...label,
        field: '',
        base: base.manifest,
        theirs: theirs.manifest,
        message: `${kind} "${name}" was removed from the folder, but the source changed it since; it stays removed (add it back by hand to take the source's version).`,
      });
    } else if (theirs.partial) {
      plan.conflicts.push({
        ...label,
        field: '',
        theirs: theirs.manifest,
        message: `${kind} "${name}" is not in the folder, so what the source adds to it was not written; add the ${kind.toLowerCase()} (or import the source that defines it) and import again.`,
      });
    } else {
      plan.changes.push({ action: 'create', ...label, manifest: theirs.manifest, notes: theirs.notes, fields: [] });
    }
    return;
  }
  if (!theirs) {
    if (sameValue(base!.manifest, ours.manifest)) {
      plan.changes.push({ action: 'remove', ...label, fields: [] });
    } else {
      plan.conflicts.push({
        ...label,
        field: '',
        message: `${kind} "${name}" is no longer in the source, but was changed in the folder since the last import; it is kept.`,
      });
    }
    return;
  }
  record(recorded);
  const merged = mergeFields(base?.manifest, ours.manifest, theirs.manifest);
  for (const conflict of merged.conflicts) {
    plan.conflicts.push({
      ...label,
      field: formatPath(conflict.path),
      ...('base' in conflict ? { base: conflict.base } : {}),
      ...('ours' in conflict ? { ours: conflict.ours } : {}),
      ...('theirs' in conflict ? { theirs: conflict.theirs } : {}),
      message: conflictMessage(conflict),
    });
  }
  const next = merged.value as Manifest;
  if (sameValue(next, ours.manifest)) {
    plan.unchanged++;
    return;
  }
  if (!Value.Check(MANIFEST_SCHEMAS[kind], next)) {
    const [problem] = Value.Errors(MANIFEST_SCHEMAS[kind], next);
    plan.conflicts.push({
      ...label,
      field: problem?.path.slice(1).replace(/\//g, '.') ?? '',
      message: `Merging the source's changes into ${kind} "${name}" would make it invalid (${problem?.message ?? 'schema'}); the folder's version is kept, change it by hand.`,
    });
    return;
  }
  plan.changes.push({
    action: 'update',
    ...label,
    manifest: next,
    // A note belongs to the source's value: where the merge kept another value there (or put an item elsewhere), it would mislead.
    notes: {
      fields: (theirs.notes.fields ?? []).filter(
        (n) =>
          valueAt(next, n.path) !== undefined && sameValue(valueAt(next, n.path), valueAt(theirs.manifest, n.path)),
      ),
    },
    fields: diffFields(ours.manifest, next),
  });
}

function conflictMessage(conflict: { base?: unknown; ours?: unknown; theirs?: unknown }): string {
  const show = (value: unknown) => (value === undefined ? 'nothing' : JSON.stringify(value));
  if (!('base' in conflict))
    return `The folder has ${show(conflict.ours)} and the source now has ${show(conflict.theirs)}; the folder's value is kept.`;
  if (!('ours' in conflict))
    return `The folder removed this, and the source changed it from ${show(conflict.base)} to ${show(conflict.theirs)}; it stays removed.`;
  if (!('theirs' in conflict))
    return `The folder changed this to ${show(conflict.ours)}, and the source removed it; the folder's value is kept.`;
  return `The folder changed this from ${show(conflict.base)} to ${show(conflict.ours)}, and the source to ${show(conflict.theirs)}; the folder's value is kept.`;
}

function planFiles(imported: SourceImport, base: ImportRecord | undefined, folder: FolderState, plan: SyncPlan) {
  const before = new Map((base?.files ?? []).map((f) => [f.path, f.text]));
  const after = new Map(imported.files.map((f) => [f.path, f.text]));
  for (const file of new Set([...after.keys(), ...before.keys()])) {
    const [b, t, o] = [before.get(file), after.get(file), folder.texts.get(file)];
    if (t !== undefined) plan.record.files.push({ path: file, text: t });
    if (o === t) continue;
    if (o === b) {
      plan.files.push(
        t === undefined ? { action: 'remove', path: file } : { action: o ? 'update' : 'create', path: file, text: t },
      );
    } else if (t !== b) {
      plan.conflicts.push({
        file,
        field: '',
        message:
          o === undefined
            ? `${file} was removed from the folder, but the source changed it since; it stays removed.`
            : `${file} was changed in the folder and in the source since the last import; the folder's version is kept.`,
      });
    }
  }
}

/** What a contribution the source no longer makes amounts to: its lists emptied, its values unset. */
function withdrawn(recorded: RecordedManifest): ImportedManifest {
  const empty = (value: unknown): unknown =>
    Array.isArray(value)
      ? []
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, empty(v)]))
        : undefined;
  const spec = (recorded.manifest as { spec?: unknown }).spec ?? {};
  return {
    file: recorded.file,
    partial: true,
    notes: {},
    manifest: {
      apiVersion: 'cello/v1',
      kind: recorded.manifest.kind as ManifestKind,
      metadata: { name: recorded.manifest.metadata.name },
      spec: empty(spec) as Record<string, unknown>,
    },
  };
}

function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], value);
}

function sameValue(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
