import type { ManifestOf } from '../model/index.js';
import type { FieldNote } from '../manifests/index.js';
import type { ImportedManifest } from './imported-manifest.js';

/** The label every imported manifest carries: which source and which entity or line it came from. */
export const SOURCE_LABEL = 'cello.dev/source';

const DEFAULTS_NOTE = 'not in the source: a starting point from cello import, replace it with your own';

/**
 * An Organization for an imported folder. Sources rarely say how an organization prioritizes or reviews, so the
 * criteria, tension types and review cadence are defaults, each marked as such in the file.
 */
export function importedOrganization(input: {
  name: string;
  title?: string;
  /** The source's description; its first sentence becomes the purpose. */
  description?: string;
  /** `backstage group:default/acme-corp`, for the source label. */
  source: string;
  /** Where the description came from, for its note. */
  origin?: string;
  header: string;
  /** True when the source has no organization of its own and this one is all defaults. */
  fallback?: boolean;
}): ImportedManifest {
  const purpose = input.description ? firstSentence(input.description) : undefined;
  const manifest: ManifestOf<'Organization'> = {
    apiVersion: 'cello/v1',
    kind: 'Organization',
    metadata: {
      name: input.name,
      ...(input.title ? { title: input.title } : {}),
      ...(purpose && input.description!.trim().length > purpose.length + 1
        ? { description: input.description!.trim().slice(0, 4000) }
        : {}),
      labels: { [SOURCE_LABEL]: input.source },
    },
    spec: {
      purpose: purpose ?? 'The purpose was not recorded in the source; write it here in one sentence.',
      criteria: [
        { name: 'customer-value', weight: 60, description: 'What customers gain from the work.' },
        { name: 'sustainability', weight: 40, description: 'Whether teams can keep their pace and promises.' },
      ],
      tensionTypes: [
        { name: 'boundary', description: 'Who owns a domain, a decision or an interface is unclear or contested.' },
        { name: 'interface', description: 'An offer does not meet what its consumers need.' },
        { name: 'capacity', description: 'A cell cannot keep the promises it made in an agreement.' },
      ],
      review: { cadence: '0 14 * * 3' },
    },
  };
  const fields: FieldNote[] = [
    { path: ['metadata', 'description'], note: `from ${input.origin ?? input.source}` },
    {
      path: ['spec', 'purpose'],
      note: purpose && input.origin ? `from ${input.origin}` : 'not in the source: write the purpose',
    },
    { path: ['spec', 'criteria'], note: DEFAULTS_NOTE },
    { path: ['spec', 'tensionTypes'], note: DEFAULTS_NOTE },
    { path: ['spec', 'review', 'cadence'], note: `${DEFAULTS_NOTE} (Wednesdays at 14:00)` },
  ];
  return {
    file: 'organization.yaml',
    manifest,
    notes: { header: input.header, fields },
    ...(input.fallback ? { fallback: true } : {}),
  };
}

/** The first sentence of a text, on one line, at most 500 characters: an organization's purpose is one sentence. */
export function firstSentence(text: string): string | undefined {
  const flat = text.replace(/\s+/g, ' ').trim();
  const sentence = /^.*?[.!?](?=\s|$)/.exec(flat)?.[0] ?? flat;
  return sentence ? sentence.slice(0, 500) : undefined;
}
