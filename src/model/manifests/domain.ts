import { Type, type Static } from '@sinclair/typebox';
import { Envelope } from './envelope.js';
import { RefTo, closed } from './common.js';

export const DomainSpec = Type.Object(
  {
    purpose: Type.String({ minLength: 1, description: 'what this area of exclusive responsibility covers' }),
    parent: Type.Optional(RefTo('domain')),
  },
  closed,
);

export const DomainManifest = Envelope(
  'Domain',
  DomainSpec,
  'An area of exclusive responsibility; exactly one cell owns it (Cell.spec.domains).',
);
export type DomainSpec = Static<typeof DomainSpec>;
