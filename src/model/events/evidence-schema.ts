import { Type } from '@sinclair/typebox';
import { EVIDENCE_KINDS } from '../http/index.js';

/** A pointer to what shows a gap, as tension, experiment and recommendation events carry it. */
export const EvidenceSchema = Type.Object({
  kind: Type.Union(EVIDENCE_KINDS.map((k) => Type.Literal(k))),
  ref: Type.String(),
  note: Type.Optional(Type.String()),
});
