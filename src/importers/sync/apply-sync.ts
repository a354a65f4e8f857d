import { mkdir, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { removeManifestFromFolder, writeManifestIntoFolder } from '../../manifests/index.js';
import { writeImportRecord } from './import-record.js';
import type { SyncPlan } from './plan-sync.js';

/**
 * Carries out a plan: manifests are created in their files (with notes), updated in place field by field (so
 * comments and other documents stay), or removed; then the record is written, last, so an import that fails
 * half-way is merged against the previous record next time and nothing it wrote is taken for a local edit.
 */
export async function applySync(dir: string, plan: SyncPlan): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const change of plan.changes) {
    if (change.action === 'remove') {
      await removeManifestFromFolder(dir, change.kind, change.name);
      continue;
    }
    await writeManifestIntoFolder(dir, change.manifest!, {
      file: change.file,
      ...(change.notes ? { notes: change.notes } : {}),
    });
  }
  for (const file of plan.files) {
    const full = path.join(dir, file.path);
    if (file.action === 'remove') {
      await unlink(full).catch(() => undefined);
      continue;
    }
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, file.text!);
  }
  await writeImportRecord(dir, plan.record);
}
