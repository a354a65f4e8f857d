import { Type, type Static } from '@sinclair/typebox';
import { Envelope } from './envelope.js';
import { DateString, Duration, EventType, Name, RefTo, closed } from './common.js';

export const INTERACTION_MODES = ['collaboration', 'x-as-a-service', 'facilitating'] as const;

/** "95% of `x.requested` answered by `x.decided` within 4h over 28d". */
export const Slo = Type.Object(
  {
    name: Name,
    objective: Type.Number({
      exclusiveMinimum: 0,
      maximum: 1,
      description: 'share that must meet the target, e.g. 0.95',
    }),
    request: EventType,
    response: EventType,
    within: Duration,
    window: Duration,
    correlateBy: Type.Optional(
      Type.String({ description: 'how a response finds its request: subject (default) or an extension name' }),
    ),
  },
  closed,
);

export const AgreementSpec = Type.Object(
  {
    provider: RefTo('cell'),
    offer: Name,
    consumer: RefTo('cell'),
    mode: Type.Union(INTERACTION_MODES.map((m) => Type.Literal(m))),
    since: Type.Optional(DateString),
    duration: Type.Optional(Duration),
    entryCriteria: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
    exitCriteria: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
    slos: Type.Optional(Type.Array(Slo)),
    reviewDate: Type.Optional(DateString),
  },
  closed,
);

export const AgreementManifest = Envelope(
  'Agreement',
  AgreementSpec,
  "An interface agreement between a provider's offer and a consumer cell.",
);
export type AgreementSpec = Static<typeof AgreementSpec>;
export type Slo = Static<typeof Slo>;
