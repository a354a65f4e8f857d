import type { INTERACTION_MODES, ManifestOf } from '../model/index.js';
import { celloName } from './cello-name.js';
import type { ImportedManifest } from './imported-manifest.js';
import { SOURCE_LABEL } from './imported-organization.js';

/** The label that marks an agreement an importer drafted: no one has agreed to it yet. */
export const DRAFT_LABEL = 'cello.dev/draft';

/**
 * A draft Agreement for a consumer that uses a provider's offer. It has no exit criteria and no SLOs on purpose:
 * lint reports both, so the first tension review has them on its agenda.
 */
export function draftAgreement(input: {
  provider: string;
  offer: string;
  consumer: string;
  mode?: (typeof INTERACTION_MODES)[number];
  duration?: string;
  /** `backstage component:default/www-artist consumesApis`, for the source label and the notes. */
  source: string;
  header: string;
}): ImportedManifest {
  const name = celloName(`${input.offer}-for-${input.consumer}`) ?? celloName(input.offer, 'agreement')!;
  const manifest: ManifestOf<'Agreement'> = {
    apiVersion: 'cello/v1',
    kind: 'Agreement',
    metadata: {
      name,
      title: `Draft: ${input.consumer} uses ${input.provider}'s ${input.offer}`,
      labels: { [SOURCE_LABEL]: input.source.slice(0, 200), [DRAFT_LABEL]: 'true' },
    },
    spec: {
      provider: `cell:${input.provider}`,
      offer: input.offer,
      consumer: `cell:${input.consumer}`,
      mode: input.mode ?? 'x-as-a-service',
      ...(input.duration ? { duration: input.duration } : {}),
    },
  };
  const from = `from ${input.source}`;
  return {
    file: `agreements/${name}.yaml`,
    manifest,
    notes: {
      header: `${input.header}\nA draft: agree its exit criteria and SLOs in the first tension review, then remove the ${DRAFT_LABEL} label.`,
      fields: [
        { path: ['spec', 'provider'], note: from },
        { path: ['spec', 'consumer'], note: from },
        {
          path: ['spec', 'mode'],
          note: input.mode ? from : 'assumed: using an offer as it is; change it if the cells work together',
        },
      ],
    },
  };
}
