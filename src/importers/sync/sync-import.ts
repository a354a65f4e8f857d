import path from 'node:path';
import { celloName } from '../cello-name.js';
import type { ImportSource, ImportTarget, SourceImport } from '../imported-manifest.js';
import { applySync } from './apply-sync.js';
import { readFolderState, withFileTexts } from './folder-state.js';
import { readImportRecord } from './import-record.js';
import { planSync, type SyncPlan } from './plan-sync.js';

/** One import: which source, into which folder, and the importer that reads the source for that folder. */
export interface ImportRequest {
  source: ImportSource;
  /** The org folder, absolute. */
  dir: string;
  /** Where relative inputs are resolved and what paths in notes are relative to. */
  cwd: string;
  dryRun?: boolean;
  read(target: ImportTarget): Promise<SourceImport>;
}

/**
 * Imports a source into an org folder: reads the folder and the record of the last import from that source,
 * runs the importer, plans the three-way merge ({@link planSync}) and, unless it is a dry run, carries it out.
 */
export async function syncImport(request: ImportRequest): Promise<{ imported: SourceImport; plan: SyncPlan }> {
  const { dir, source } = request;
  const base = await readImportRecord(dir, source);
  const folder = await readFolderState(dir);
  // A source may add to cells others wrote, but replaces only the cells it created itself.
  const created = new Set((base?.manifests ?? []).filter((m) => !m.partial).map((m) => m.key));
  const existingCells = new Map<string, string[]>();
  for (const [key, { manifest }] of folder.manifests) {
    if (manifest.kind === 'Cell' && !created.has(key))
      existingCells.set(
        manifest.metadata.name,
        (manifest.spec.offers ?? []).map((o) => o.name),
      );
  }
  const imported = await request.read({
    existingCells,
    organizationName: celloName(path.basename(dir)) ?? 'organization',
    cwd: request.cwd,
  });
  const files = [...new Set([...(base?.files ?? []).map((f) => f.path), ...imported.files.map((f) => f.path)])];
  const plan = planSync(imported, base, await withFileTexts(folder, files));
  if (!request.dryRun) await applySync(dir, plan);
  return { imported, plan };
}
