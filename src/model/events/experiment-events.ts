import { Type } from '@sinclair/typebox';
import { OUTCOMES, Evidence } from '../http/index.js';
import { defineEvent } from './event-definition.js';
import { GOVERNANCE_SOURCE } from './event-sources.js';

export const ExperimentStarted = 'dev.cello.experiment.started';
export const ExperimentConcluded = 'dev.cello.experiment.concluded';

const SUBJECT =
  'the tension a decision started it on (T-n), else the recommendation a cell accepted (R-n), else the experiment (E-n)';

/** Experiment events: a move tried for a while, then reviewed. */
export const EXPERIMENT_EVENTS = {
  [ExperimentStarted]: defineEvent({
    description:
      "An experiment started: a decision's outcome, or a cell's own choice (then the `cell` extension names it).",
    source: GOVERNANCE_SOURCE,
    subject: SUBJECT,
    data: Type.Object({
      tension: Type.Optional(Type.String()),
      decision: Type.Optional(Type.String()),
      experiment: Type.String({ description: 'the experiment id (E-n)' }),
      move: Type.String(),
      metric: Type.String(),
      reviewDate: Type.String({ description: 'YYYY-MM-DD' }),
      cell: Type.Optional(Type.String({ description: "cell:<name>, for a cell's own experiment" })),
      title: Type.Optional(Type.String()),
      startedBy: Type.Optional(Type.String()),
      recommendation: Type.Optional(Type.String()),
      evidence: Type.Optional(Type.Array(Evidence)),
    }),
  }),
  [ExperimentConcluded]: defineEvent({
    description: "Deciding an experiment's review concluded it, with what it showed.",
    source: GOVERNANCE_SOURCE,
    subject: SUBJECT,
    data: Type.Object({
      experiment: Type.String(),
      tension: Type.Optional(Type.String()),
      cell: Type.Optional(Type.String()),
      recommendation: Type.Optional(Type.String()),
      review: Type.String({ description: 'the experiment-review tension that was decided' }),
      decision: Type.String(),
      outcome: Type.Union(OUTCOMES.map((o) => Type.Literal(o))),
      result: Type.String(),
    }),
  }),
};
