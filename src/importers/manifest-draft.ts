import type { FieldNote } from '../manifests/index.js';
import type { Manifest } from '../model/index.js';
import type { ImportedManifest, ManifestContribution } from './imported-manifest.js';

/** A manifest an importer is still filling in, with the notes saying where each field came from. */
export interface ManifestDraft<M extends Manifest | ManifestContribution = Manifest | ManifestContribution> {
  manifest: M;
  file: string;
  header: string;
  notes: FieldNote[];
}

/** Appends `item` to the list at `listPath` (creating it), with notes at paths inside the item; returns its index. */
export function appendItem(
  draft: ManifestDraft,
  listPath: readonly string[],
  item: unknown,
  notes: readonly { path: readonly (string | number)[]; note: string }[] = [],
): number {
  let node = draft.manifest as unknown as Record<string, unknown>;
  for (const key of listPath.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  const last = listPath[listPath.length - 1]!;
  const list = (node[last] ??= []) as unknown[];
  const index = list.push(item) - 1;
  for (const { path, note } of notes) draft.notes.push({ path: [...listPath, index, ...path], note });
  return index;
}

/** The draft of a whole manifest as an importer hands it on. */
export function finishDraft(draft: ManifestDraft<Manifest>): ImportedManifest {
  return { file: draft.file, manifest: draft.manifest, notes: { header: draft.header, fields: draft.notes } };
}

/** The draft of a contribution (some fields of a manifest the folder has) as an importer hands it on. */
export function finishContribution(draft: ManifestDraft<ManifestContribution>): ImportedManifest {
  return { file: draft.file, partial: true, manifest: draft.manifest, notes: { fields: draft.notes } };
}
