import { Type, type Static } from '@sinclair/typebox';
import { Decision, Proposal } from './decision-schemas.js';
import { Priority, Route, Score, Tension, TensionNote } from './tension-schemas.js';

/** A tension with what explains it (`GET /v1/tensions/:id`): route, score, priority, notes, proposals and decisions. */
export const TensionDetail = Type.Object({
  tension: Tension,
  route: Route,
  score: Score,
  priority: Priority,
  notes: Type.Array(TensionNote),
  proposals: Type.Array(Proposal),
  decisions: Type.Array(Decision),
});
export type TensionDetail = Static<typeof TensionDetail>;
