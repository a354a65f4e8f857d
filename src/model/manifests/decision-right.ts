import { Type, type Static } from '@sinclair/typebox';
import { Envelope } from './envelope.js';
import { Duration, Name, RefTo, closed } from './common.js';
import { MEMBER_ROLES } from './cell.js';

export const DECISION_METHODS = ['owner', 'advice', 'consent', 'vote'] as const;
export const DECISION_FORUMS = ['review', 'async'] as const;

export const DecisionRightSpec = Type.Object(
  {
    tensionType: Name,
    decider: Type.Object(
      { cell: RefTo('cell'), role: Type.Optional(Type.Union(MEMBER_ROLES.map((r) => Type.Literal(r)))) },
      closed,
    ),
    method: Type.Union(DECISION_METHODS.map((m) => Type.Literal(m))),
    criteria: Type.Optional(Type.Array(Name, { description: 'names of the organization criteria weighed' })),
    forum: Type.Union(DECISION_FORUMS.map((f) => Type.Literal(f))),
    asyncTimeout: Type.Optional(Duration),
    advisors: Type.Optional(Type.Array(RefTo('cell'))),
  },
  closed,
);

export const DecisionRightManifest = Envelope(
  'DecisionRight',
  DecisionRightSpec,
  'For a tension type: who decides, by which method, with which criteria, in which forum.',
);
export type DecisionRightSpec = Static<typeof DecisionRightSpec>;
