import { Type, type Static } from '@sinclair/typebox';
import { Envelope } from './envelope.js';
import { EventType, Expression, RefTo, closed } from './common.js';

export const SubscriptionAction = Type.Union([
  Type.Object({ webhook: Type.Object({ url: Type.String({ pattern: '^https?://' }) }, closed) }, closed),
  Type.Object(
    {
      emit: Type.Object(
        { type: EventType, data: Type.Optional(Expression), subject: Type.Optional(Expression) },
        closed,
      ),
    },
    closed,
  ),
  Type.Object({ workflow: RefTo('workflow') }, closed),
]);

export const SubscriptionSpec = Type.Object(
  {
    cell: RefTo('cell'),
    types: Type.Array(Type.String({ pattern: '^[a-z0-9]+(\\.[a-z0-9-]+)*(\\.\\*)?$' }), {
      minItems: 1,
      description: 'exact event types, or prefixes such as com.acme.risk.*',
    }),
    filter: Type.Optional(Expression),
    actions: Type.Array(SubscriptionAction, { minItems: 1 }),
    delivery: Type.Optional(
      Type.Object(
        {
          maxAttempts: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
          concurrency: Type.Optional(Type.Integer({ minimum: 1, maximum: 64 })),
          timeoutMs: Type.Optional(Type.Integer({ minimum: 100, maximum: 60_000 })),
        },
        closed,
      ),
    ),
  },
  closed,
);

export const SubscriptionManifest = Envelope(
  'Subscription',
  SubscriptionSpec,
  "A cell's choice of signals: event types, a CEL filter, and what to do with them.",
);
export type SubscriptionSpec = Static<typeof SubscriptionSpec>;
export type SubscriptionAction = Static<typeof SubscriptionAction>;
