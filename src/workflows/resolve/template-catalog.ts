import { parseRef, type Manifest, type ManifestOf } from '../../model/index.js';

export type TemplateManifest = ManifestOf<'Template'>;
export type WorkflowManifest = ManifestOf<'Workflow'>;

/**
 * Every version of every template. A version is its own manifest: `metadata.name` is the template's name and
 * `spec.version` its version, so `template:case-handling@2` is the Template named case-handling with version 2.
 */
export interface TemplateCatalog {
  /** Versions of one template, oldest first. */
  versions(name: string): readonly TemplateManifest[];
  /** The version a reference names, or the newest when it names none. */
  get(ref: string): TemplateManifest | undefined;
  newest(name: string): TemplateManifest | undefined;
  names(): string[];
}

/** Indexes the Template manifests among `manifests`. */
export function createTemplateCatalog(manifests: readonly Manifest[]): TemplateCatalog {
  const byName = new Map<string, TemplateManifest[]>();
  for (const manifest of manifests) {
    if (manifest.kind !== 'Template') continue;
    const list = byName.get(manifest.metadata.name) ?? [];
    // Two documents for one version: the first wins (the loader reports the duplicate).
    if (!list.some((t) => t.spec.version === manifest.spec.version)) list.push(manifest);
    byName.set(manifest.metadata.name, list);
  }
  for (const list of byName.values()) list.sort((a, b) => a.spec.version - b.spec.version);
  return {
    versions: (name) => byName.get(name) ?? [],
    get(ref) {
      const parsed = parseRef(ref, ['template']);
      const list = byName.get(parsed.name) ?? [];
      return parsed.version === undefined ? list[list.length - 1] : list.find((t) => t.spec.version === parsed.version);
    },
    newest: (name) => byName.get(name)?.at(-1),
    names: () => [...byName.keys()].sort(),
  };
}

/** `case-handling@2`: how a template version is named in events, messages and the store. */
export function templateKey(template: Pick<TemplateManifest, 'metadata' | 'spec'>): string {
  return `${template.metadata.name}@${template.spec.version}`;
}
