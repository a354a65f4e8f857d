import { Type } from '@sinclair/typebox';
import { defineEvent } from './event-definition.js';
import { COMPONENT_SOURCE_PATTERN } from './event-sources.js';

export const ManifestApplied = 'dev.cello.manifest.applied';

/** Manifest events: the organization changed, so every process reloads it. */
export const MANIFEST_EVENTS = {
  [ManifestApplied]: defineEvent({
    description:
      'New manifest versions were stored, by cello apply (source /cello/apply) or a decision (source /cello/governance).',
    source: COMPONENT_SOURCE_PATTERN,
    subject: "none from cello apply; the manifest's ref (agreement:<name>) from a decision",
    data: Type.Object({
      actor: Type.String({ description: 'who applied: cli, serve --org, governance (decision D-n)' }),
      changes: Type.Array(
        Type.Object({
          action: Type.Union([Type.Literal('add'), Type.Literal('change'), Type.Literal('remove')]),
          ref: Type.String(),
          version: Type.Number(),
          fields: Type.Array(Type.String(), { description: 'the paths of the changed fields' }),
        }),
      ),
      unchanged: Type.Number({ description: 'how many manifests stayed as they were' }),
    }),
  }),
};
