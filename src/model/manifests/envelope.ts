import { Type, type TSchema, type TObject } from '@sinclair/typebox';
import { Name, closed } from './common.js';

export const API_VERSION = 'cello/v1';

export const Metadata = Type.Object(
  {
    name: Name,
    title: Type.Optional(Type.String({ maxLength: 200 })),
    description: Type.Optional(Type.String({ maxLength: 4000 })),
    labels: Type.Optional(
      Type.Record(Type.String({ pattern: '^[a-zA-Z0-9./_-]{1,63}$' }), Type.String({ maxLength: 200 })),
    ),
  },
  closed,
);

/** The one envelope every manifest kind shares: `{ apiVersion, kind, metadata, spec }`. */
export function Envelope<K extends string, S extends TSchema>(kind: K, spec: S, description: string): TObject {
  return Type.Object(
    {
      apiVersion: Type.Literal(API_VERSION),
      kind: Type.Literal(kind),
      metadata: Metadata,
      spec,
    },
    { ...closed, $id: `https://cello.dev/schemas/v1/${kind}.json`, title: kind, description },
  );
}
