import { Type, type Static } from '@sinclair/typebox';
import { Evidence, SEVERITIES } from './tension-vocabulary.js';

/** What a person sends to raise a tension (`POST /v1/tensions`), which governance's raise takes as is. */
export const RaiseInput = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 4000 })),
    type: Type.String({ minLength: 1, description: "one of the organization's tension types" }),
    cells: Type.Array(Type.String({ minLength: 1 }), {
      minItems: 1,
      maxItems: 20,
      description: 'involved cells: payments or cell:payments',
    }),
    severity: Type.Optional(Type.Union(SEVERITIES.map((s) => Type.Literal(s)))),
    observedAt: Type.Optional(Type.String({ description: 'when the gap was first seen, RFC 3339; default now' })),
    evidence: Type.Optional(
      Type.Array(
        Type.Union([
          Type.String({ description: 'kind:ref (event:42, agreement:payments-risk, insight:…) or a URL' }),
          Evidence,
        ]),
        { maxItems: 20 },
      ),
    ),
    ratings: Type.Optional(
      Type.Record(Type.String(), Type.Integer({ minimum: 0, maximum: 5 }), {
        description: 'ratings by criterion (0–5), when the raiser rates at once',
      }),
    ),
  },
  { additionalProperties: false },
);
export type RaiseInput = Static<typeof RaiseInput>;
