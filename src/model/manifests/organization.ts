import { Type, type Static } from '@sinclair/typebox';
import { Envelope } from './envelope.js';
import { EventType, Expression, Name, closed } from './common.js';

export const OrganizationSpec = Type.Object(
  {
    purpose: Type.String({ minLength: 1, maxLength: 500, description: 'the shared purpose, in one sentence' }),
    criteria: Type.Array(
      Type.Object(
        {
          name: Name,
          weight: Type.Number({ exclusiveMinimum: 0, maximum: 100 }),
          description: Type.Optional(Type.String()),
        },
        closed,
      ),
      { description: 'prioritization criteria with weights (1 to 5 of them)' },
    ),
    tensionTypes: Type.Array(Type.Object({ name: Name, description: Type.Optional(Type.String()) }, closed), {
      description: 'the tension types the organization uses, e.g. boundary, priority, interface, capacity, process',
    }),
    review: Type.Object(
      {
        cadence: Type.String({
          minLength: 9,
          description: 'cron expression, e.g. "0 14 * * 3" for Wednesdays at 14:00',
        }),
        timezone: Type.Optional(Type.String()),
        durationMinutes: Type.Optional(Type.Integer({ minimum: 5, maximum: 480 })),
      },
      closed,
    ),
    mining: Type.Optional(
      Type.Object(
        {
          caseIds: Type.Array(Type.Object({ type: EventType, expression: Expression }, closed), {
            description:
              'per event type, a CEL expression that yields the case id (default: subject, then the caseid extension)',
          }),
        },
        closed,
      ),
    ),
  },
  closed,
);

export const OrganizationManifest = Envelope(
  'Organization',
  OrganizationSpec,
  'The organization: purpose, prioritization criteria, tension types and review cadence.',
);
export type OrganizationSpec = Static<typeof OrganizationSpec>;
