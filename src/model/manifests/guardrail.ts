import { Type, type Static } from '@sinclair/typebox';
import { Envelope } from './envelope.js';
import { Expression, closed } from './common.js';

export const GUARDRAIL_TARGETS = ['manifests', 'events', 'workflows'] as const;
export const GUARDRAIL_ACTIONS = ['deny', 'warn'] as const;

export const GuardrailSpec = Type.Object(
  {
    target: Type.Union(GUARDRAIL_TARGETS.map((t) => Type.Literal(t))),
    kinds: Type.Optional(
      Type.Array(Type.String(), { description: 'for manifests: which kinds it checks (default all)' }),
    ),
    eventTypes: Type.Optional(
      Type.Array(Type.String(), { description: 'for events: exact types or prefixes ending in .*' }),
    ),
    expression: Expression,
    action: Type.Union(GUARDRAIL_ACTIONS.map((a) => Type.Literal(a))),
    message: Type.String({ minLength: 1, description: 'shown when the expression is false' }),
  },
  closed,
);

export const GuardrailManifest = Envelope(
  'Guardrail',
  GuardrailSpec,
  'A global limit: a CEL expression that must be true for every manifest, live event or resolved workflow it targets.',
);
export type GuardrailSpec = Static<typeof GuardrailSpec>;
