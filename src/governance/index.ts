/**
 * Governance: tensions raised by people and detectors, routed by decision rights, ranked onto review agendas,
 * decided (owner, advice, consent, vote) into new agreement and guardrail versions, experiments or drops,
 * every act an event in the log. See ARCHITECTURE.md for the invariants.
 */
export {
  createGovernance,
  DETECTORS_CONSUMER,
  type Governance,
  type GovernanceDeps,
  type TickReport,
} from './create-governance.js';
export { governanceModule } from './governance-module.js';
export { governanceMigration } from './governance-migration.js';
export { cellExperimentsMigration } from './experiments/cell-experiments-migration.js';
export type { GovernanceTables } from './governance-tables.js';
export {
  compileGovernanceOptions,
  DEFAULT_DETECTOR_TYPES,
  type BuiltInDetector,
  type CompiledGovernanceOptions,
  type GovernanceOptions,
} from './governance-options.js';
export {
  TENSION_STATES,
  SEVERITIES,
  EVIDENCE_KINDS,
  type Tension,
  type TensionState,
  type Severity,
  type Evidence,
  type EvidenceKind,
  type TensionNote,
  type TensionOrigin,
} from '../model/index.js';
export { TENSION_TRANSITIONS, canTransition } from './tensions/tension-states.js';
export type { RaiseInput, DetectedInput } from './tensions/raise-input.js';
export type { TensionDetail, DetectedResult, TensionService } from './tensions/tension-service.js';
export type { DecideResult, DecisionService } from './decisions/decision-service.js';
export type { ReviewService } from './reviews/review-service.js';
export { OUTCOMES, type Outcome, type OutcomeInput } from './decisions/outcome-input.js';
export { PROPOSAL_STATES, type Proposal, type ProposalState, type Objection, type Vote } from '../model/index.js';
export { tallyVotes, settleProposal, type Tally } from './decisions/settle-proposal.js';
export type { Decision, Experiment } from '../model/index.js';
export type { CellExperimentInput } from './experiments/start-cell-experiment.js';
export {
  REVIEW_STATES,
  type Review,
  type ReviewState,
  type AgendaItem,
  type AgendaItemKind,
  type AgendaItemStatus,
  type EvidencePacket,
} from '../model/index.js';
export { scoreTension, MAX_RATING, type Score, type ScorePart, type Criterion } from './tensions/score-tension.js';
export { priorityOf, PRIORITY_WEIGHTS, type Priority } from './tensions/rank-tensions.js';
export {
  routeTension,
  DEFAULT_ASYNC_TIMEOUT,
  type Route,
  type RoutedTo,
  type Unrouted,
} from './tensions/route-tension.js';
export type { GovernanceMetrics, DurationStats, ReviewWeek } from './governance-metrics.js';
export { parseFieldPath } from './decisions/edit-manifest.js';
