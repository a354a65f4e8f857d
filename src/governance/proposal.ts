/** The proposal shapes live in src/model (the dashboard reads them too); governance's files import them from here. */
export { PROPOSAL_STATES } from '../model/index.js';
export type { ProposalState, Objection, Vote, Proposal } from '../model/index.js';
