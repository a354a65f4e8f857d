import { Type, type Static } from '@sinclair/typebox';
import { Envelope } from './envelope.js';
import { EventType, Name, RefTo, closed } from './common.js';

export const CELL_TYPES = ['stream-aligned', 'platform', 'enabling', 'complicated-subsystem'] as const;
export const OFFER_TYPES = ['event', 'api', 'service'] as const;
export const MEMBER_ROLES = ['facilitator', 'lead', 'member', 'secretary'] as const;

export const Limits = Type.Object(
  {
    capacity: Type.Optional(Type.String({ description: 'e.g. "200 requests/day" or "2 engagements at a time"' })),
    hours: Type.Optional(Type.String({ description: 'e.g. "Mon-Fri 08:00-18:00 CET" or "24/7"' })),
    rate: Type.Optional(Type.String({ description: 'e.g. "50 events/s"' })),
    outOfScope: Type.Optional(Type.Array(Type.String())),
  },
  closed,
);

export const OfferedEvent = Type.Object(
  {
    type: EventType,
    description: Type.Optional(Type.String()),
    schema: Type.Optional(
      Type.Object({}, { additionalProperties: true, description: 'JSON Schema of the event data' }),
    ),
  },
  closed,
);

export const Offer = Type.Object(
  {
    name: Name,
    type: Type.Union(OFFER_TYPES.map((t) => Type.Literal(t))),
    description: Type.Optional(Type.String()),
    events: Type.Optional(
      Type.Array(OfferedEvent, { description: 'for event offers: the event types this cell publishes' }),
    ),
    asyncapi: Type.Optional(
      Type.String({ description: 'path to an AsyncAPI 2.6/3.x document, relative to this file' }),
    ),
    url: Type.Optional(Type.String({ description: 'for api and service offers: where to find it' })),
    limits: Type.Optional(Limits),
  },
  closed,
);

export const Member = Type.Object(
  {
    name: Type.String({ minLength: 1 }),
    email: Type.Optional(Type.String({ format: 'email' })),
    roles: Type.Array(Type.Union(MEMBER_ROLES.map((r) => Type.Literal(r))), { minItems: 1 }),
  },
  closed,
);

export const CellSpec = Type.Object(
  {
    type: Type.Union(CELL_TYPES.map((t) => Type.Literal(t))),
    purpose: Type.String({ minLength: 1 }),
    members: Type.Array(Member, { minItems: 1 }),
    domains: Type.Optional(Type.Array(RefTo('domain'), { description: 'domains this cell owns' })),
    offers: Type.Optional(Type.Array(Offer)),
    expectations: Type.Optional(
      Type.Array(
        Type.Object(
          {
            name: Name,
            description: Type.String({ minLength: 1 }),
            provider: Type.Optional(RefTo('cell')),
            offer: Type.Optional(Name),
          },
          closed,
        ),
      ),
    ),
  },
  closed,
);

export const CellManifest = Envelope(
  'Cell',
  CellSpec,
  'An autonomous team: type, purpose, members and roles, owned domains, offers and expectations.',
);
export type CellSpec = Static<typeof CellSpec>;
export type Offer = Static<typeof Offer>;
export type Member = Static<typeof Member>;
