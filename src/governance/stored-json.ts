/**
 * The shapes of governance's JSON columns, as TypeBox schemas: rows are parsed and checked against them when read
 * (`jsonColumn`), never cast. The model types in src/model/api are interfaces; the `Same` checks at the end make
 * the compiler refuse a schema that drifts from them.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import {
  EVIDENCE_KINDS,
  OutcomeInputSchema,
  SEVERITIES,
  TENSION_STATES,
  type AgendaItem,
  type Decision,
  type Evidence,
  type Objection,
  type Tension,
  type Vote,
} from '../model/index.js';

const literals = <const T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const optional = <S extends TSchema>(schema: S) => Type.Optional(schema);

export const StringList = Type.Array(Type.String());

export const EvidenceSchema = Type.Object({
  kind: literals(EVIDENCE_KINDS),
  ref: Type.String(),
  note: optional(Type.String()),
});
export const EvidenceList = Type.Array(EvidenceSchema);

/** Criterion name → rating. */
export const Ratings = Type.Record(Type.String(), Type.Number());

export const ObjectionList = Type.Array(
  Type.Object({ by: Type.String(), cell: Type.String(), reason: Type.String(), at: Type.String() }),
);

export const VoteList = Type.Array(
  Type.Object({ member: Type.String(), cell: Type.String(), vote: literals(['yes', 'no']), at: Type.String() }),
);

/** What a decision's outcome did: free-form by outcome (agreement version and diff, experiment id…). */
export const DecisionDetails = Type.Record(Type.String(), Type.Unknown());

export const StoredOutcome = OutcomeInputSchema;

const ScoreSchema = Type.Object({
  total: Type.Number(),
  max: Type.Number(),
  share: Type.Number(),
  parts: Type.Array(
    Type.Object({
      criterion: Type.String(),
      rating: optional(Type.Number()),
      weight: Type.Number(),
      points: Type.Number(),
    }),
  ),
  explanation: Type.String(),
  unrated: StringList,
});

const PrioritySchema = Type.Object({
  total: Type.Number(),
  parts: Type.Object({ score: Type.Number(), severity: Type.Number(), age: Type.Number(), lateness: Type.Number() }),
  ageDays: Type.Number(),
  latenessDays: Type.Number(),
  explanation: Type.String(),
});

const RouteSchema = Type.Union([
  Type.Object({
    routed: Type.Literal(true),
    right: Type.String(),
    tensionType: Type.String(),
    deciderCell: Type.String(),
    deciderRole: optional(Type.String()),
    method: literals(['owner', 'advice', 'consent', 'vote']),
    forum: literals(['review', 'async']),
    criteria: StringList,
    asyncTimeout: Type.String(),
    asyncTimeoutMs: Type.Number(),
    advisors: StringList,
    holders: StringList,
    who: Type.String(),
  }),
  Type.Object({ routed: Type.Literal(false), tensionType: Type.String(), reason: Type.String() }),
]);

const NoteSchema = Type.Object({
  id: Type.String(),
  tensionId: Type.String(),
  kind: literals(['comment', 'advice']),
  author: Type.String(),
  authorCell: optional(Type.String()),
  body: Type.String(),
  createdAt: Type.String(),
});

const EvidencePacketSchema = Type.Object({
  evidence: EvidenceList,
  occurrences: Type.Number(),
  observedAt: Type.String(),
  raisedAt: Type.String(),
  raisedBy: Type.String(),
  comments: Type.Number(),
  notes: Type.Array(NoteSchema),
  agreements: Type.Array(
    Type.Object({
      name: Type.String(),
      provider: Type.String(),
      consumer: Type.String(),
      reviewDate: optional(Type.String()),
    }),
  ),
  decisions: StringList,
});

export const AgendaItemSchema = Type.Object({
  tensionId: Type.String(),
  kind: literals(['tension', 'agreement', 'experiment', 'decision']),
  title: Type.String(),
  type: Type.String(),
  cells: StringList,
  severity: literals(SEVERITIES),
  tensionState: literals(TENSION_STATES),
  score: ScoreSchema,
  priority: PrioritySchema,
  route: RouteSchema,
  evidence: EvidencePacketSchema,
  status: literals(['pending', 'decided', 'proposed', 'objected', 'rejected']),
  decisionId: optional(Type.String()),
  proposalId: optional(Type.String()),
});
export const Agenda = Type.Array(AgendaItemSchema);

/** True when A and B are the same type; the `const` checks below fail to compile otherwise. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- checked by the compiler, never read
const shapesMatchTheModel: [
  Same<Static<typeof EvidenceSchema>, Evidence>,
  Same<Static<typeof Ratings>, Tension['ratings']>,
  Same<Static<typeof ObjectionList>, Objection[]>,
  Same<Static<typeof VoteList>, Vote[]>,
  Same<Static<typeof DecisionDetails>, Decision['details']>,
  Same<Static<typeof AgendaItemSchema>, AgendaItem>,
] = [true, true, true, true, true, true];
