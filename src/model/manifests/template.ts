import { Type, type Static } from '@sinclair/typebox';
import { Envelope } from './envelope.js';
import { EventType, Expression, Name, RefTo, closed } from './common.js';

export const PARAMETER_TYPES = ['string', 'number', 'integer', 'boolean', 'duration'] as const;
export const STEP_MODES = ['fixed', 'adaptable'] as const;

/**
 * A parameter name: also accepts camelCase, so step expressions can read it as `params.approvalThreshold`
 * (a dashed name must be read as `params["approval-threshold"]`).
 */
export const ParameterName = Type.String({
  pattern: '^[a-zA-Z][a-zA-Z0-9_-]{0,62}$',
  description: 'a letter, then letters, digits, _ or -',
});

export const Parameter = Type.Object(
  {
    name: ParameterName,
    type: Type.Union(PARAMETER_TYPES.map((t) => Type.Literal(t))),
    description: Type.Optional(Type.String()),
    default: Type.Optional(Type.Union([Type.String(), Type.Number(), Type.Boolean()])),
    minimum: Type.Optional(Type.Number()),
    maximum: Type.Optional(Type.Number()),
    enum: Type.Optional(Type.Array(Type.Union([Type.String(), Type.Number()]))),
  },
  closed,
);

/** What a step does once its event arrived. Exactly one key per action. */
export const Action = Type.Union([
  Type.Object(
    { emit: Type.Object({ type: EventType, data: Type.Optional(Type.Record(Type.String(), Expression)) }, closed) },
    closed,
  ),
  Type.Object(
    {
      webhook: Type.Object(
        { url: Type.String({ minLength: 1 }), body: Type.Optional(Type.Record(Type.String(), Expression)) },
        closed,
      ),
    },
    closed,
  ),
  Type.Object(
    {
      task: Type.Object(
        {
          cell: RefTo('cell'),
          title: Type.String({ minLength: 1 }),
          due: Type.Optional(Type.String({ minLength: 1 })),
        },
        closed,
      ),
    },
    closed,
  ),
  Type.Object({ set: Type.Record(Type.String({ pattern: '^[a-zA-Z_][a-zA-Z0-9_]*$' }), Expression) }, closed),
  Type.Object({ branch: Type.Array(Type.Object({ when: Expression, goto: Name }, closed), { minItems: 1 }) }, closed),
  Type.Object(
    {
      raiseTension: Type.Object(
        { type: Name, title: Type.String({ minLength: 1 }), cells: Type.Optional(Type.Array(RefTo('cell'))) },
        closed,
      ),
    },
    closed,
  ),
  Type.Object({ complete: Type.Boolean() }, closed),
]);

export const Step = Type.Object(
  {
    id: Name,
    mode: Type.Union(STEP_MODES.map((m) => Type.Literal(m))),
    description: Type.Optional(Type.String()),
    on: Type.Optional(Type.Object({ type: EventType, condition: Type.Optional(Expression) }, closed)),
    do: Type.Array(Action),
    timeout: Type.Optional(
      Type.Object(
        { after: Type.String({ minLength: 1, description: 'a duration or ${param}' }), then: Type.Array(Action) },
        closed,
      ),
    ),
    idempotentSafe: Type.Optional(Type.Boolean()),
  },
  closed,
);

export const TemplateSpec = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    description: Type.Optional(Type.String()),
    parameters: Type.Optional(Type.Array(Parameter)),
    start: Type.Object(
      { type: EventType, condition: Type.Optional(Expression) },
      { ...closed, description: 'the event that starts an instance' },
    ),
    caseId: Type.Optional(Expression),
    steps: Type.Array(Step, { minItems: 1 }),
  },
  closed,
);

export const TemplateManifest = Envelope(
  'Template',
  TemplateSpec,
  'A versioned best-practice workflow with parameters and fixed or adaptable steps.',
);
export type TemplateSpec = Static<typeof TemplateSpec>;
export type Step = Static<typeof Step>;
export type Action = Static<typeof Action>;
export type Parameter = Static<typeof Parameter>;
