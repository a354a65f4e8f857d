import type { Finding, ManifestNotes } from '../manifests/index.js';
import type { Manifest, ManifestKind } from '../model/index.js';

/** The sources Cello imports an organization from; each keeps its own record of what it last wrote. */
export const IMPORT_SOURCES = ['backstage', 'codeowners', 'team-api'] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

/** Only some fields of a manifest that exists already (a cell's `spec.domains`), keyed like a manifest. */
export interface ManifestContribution {
  apiVersion: 'cello/v1';
  kind: ManifestKind;
  metadata: { name: string };
  spec: Record<string, unknown>;
}

/** A manifest as an importer produces it, with where it goes and where each field came from. */
export type ImportedManifest = {
  /** Relative to the org folder, `/`-separated: `cells/team-a.yaml`. Used when the folder has no such manifest yet. */
  file: string;
  /** The header and per-field comments saying where each value came from. */
  notes: ManifestNotes;
  /** A default the source implies (an Organization): written only when the folder has none, quietly skipped else. */
  fallback?: boolean;
} & ({ partial?: false; manifest: Manifest } | { partial: true; manifest: ManifestContribution });

/** A file that is not a manifest (an AsyncAPI document an offer points at). */
export interface ImportedFile {
  /** Relative to the org folder, `/`-separated. */
  path: string;
  text: string;
}

/** What one importer made of its sources: manifests and files to write, and every problem found on the way. */
export interface SourceImport {
  source: ImportSource;
  manifests: ImportedManifest[];
  files: ImportedFile[];
  findings: Finding[];
}

/** What an importer may know about the org folder it writes into. */
export interface ImportTarget {
  /** Cells the folder holds that this source did not create, with their offers' names: a source may add to them. */
  existingCells: ReadonlyMap<string, readonly string[]>;
  /** The name for an Organization, should the source have none and the folder none either. */
  organizationName: string;
  /** Paths in notes are written relative to this folder (the working directory). */
  cwd: string;
}
