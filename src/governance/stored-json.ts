/**
 * The shapes of governance's JSON columns: rows are parsed and checked against them when read (`jsonColumn`),
 * never cast. They are the wire contract's schemas (src/model/http), so a column holds exactly what the API shows.
 */
import { Type } from '@sinclair/typebox';
import { AgendaItem, Decision, Evidence, Objection, Tension, Vote } from '../model/index.js';

export const StringList = Type.Array(Type.String());
export const EvidenceList = Type.Array(Evidence);
/** Criterion name → rating. */
export const Ratings = Tension.properties.ratings;
export const ObjectionList = Type.Array(Objection);
export const VoteList = Type.Array(Vote);
/** What a decision's outcome did: free-form by outcome (agreement version and diff, experiment id…). */
export const DecisionDetails = Decision.properties.details;
export const Agenda = Type.Array(AgendaItem);
