import { Type, type Static } from '@sinclair/typebox';
import {
  CELL_TYPES,
  Duration,
  EventType,
  INTERACTION_MODES,
  Limits,
  MEMBER_ROLES,
  OFFER_TYPES,
} from '../../model/index.js';

const closed = { additionalProperties: false } as const;
const Text = Type.String({ minLength: 1 });
const oneOf = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

/**
 * The subset of the Team Topologies Team API that Cello reads, one team per YAML or JSON document: the team's name,
 * type, mission, members, the services it provides, the teams it depends on, and how it works.
 */
export const TeamApiDocument = Type.Object(
  {
    team: Type.String({ minLength: 1, maxLength: 200, description: 'the team name, e.g. "Payments"' }),
    type: oneOf(CELL_TYPES),
    mission: Type.String({ minLength: 1, description: 'why the team exists' }),
    waysOfWorking: Type.Optional(Type.String({ maxLength: 4000, description: 'how to work with the team' })),
    members: Type.Array(
      Type.Object(
        {
          name: Text,
          email: Type.Optional(Type.String({ format: 'email' })),
          role: Type.Optional(oneOf(MEMBER_ROLES)),
        },
        closed,
      ),
      { minItems: 1 },
    ),
    services: Type.Optional(
      Type.Array(
        Type.Object(
          {
            name: Text,
            type: oneOf(OFFER_TYPES),
            description: Type.Optional(Type.String()),
            url: Type.Optional(Type.String()),
            events: Type.Optional(
              Type.Array(Type.Object({ type: EventType, description: Type.Optional(Type.String()) }, closed)),
            ),
            limits: Type.Optional(Limits),
          },
          closed,
        ),
      ),
    ),
    dependencies: Type.Optional(
      Type.Array(
        Type.Object(
          {
            team: Text,
            service: Type.Optional(Text),
            mode: Type.Optional(oneOf(INTERACTION_MODES)),
            purpose: Text,
            duration: Type.Optional(Duration),
          },
          closed,
        ),
      ),
    ),
  },
  { ...closed, title: 'Team API', $id: 'https://cello.dev/schemas/v1/team-api.json' },
);
export type TeamApiDocument = Static<typeof TeamApiDocument>;
