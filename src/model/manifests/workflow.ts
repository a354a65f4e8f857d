import { Type, type Static } from '@sinclair/typebox';
import { Envelope } from './envelope.js';
import { Name, RefTo, closed } from './common.js';
import { Step } from './template.js';

export const WorkflowSpec = Type.Object(
  {
    from: RefTo('template'),
    cell: RefTo('cell'),
    parameters: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean()]))),
    overrides: Type.Optional(
      Type.Object(
        {
          add: Type.Optional(
            Type.Array(Type.Object({ after: Type.Optional(Name), before: Type.Optional(Name), step: Step }, closed)),
          ),
          replace: Type.Optional(Type.Array(Step, { description: 'adaptable steps replaced by id' })),
          remove: Type.Optional(Type.Array(Name, { description: 'ids of adaptable steps to drop' })),
        },
        closed,
      ),
    ),
  },
  closed,
);

export const WorkflowManifest = Envelope(
  'Workflow',
  WorkflowSpec,
  "A cell's adaptation of a template: parameter values and step overrides.",
);
export type WorkflowSpec = Static<typeof WorkflowSpec>;
