import { celloEvent, ExperimentStarted } from '../../model/index.js';
import type { CloudEvent, Experiment, Tension } from '../../model/index.js';
import type { OutcomeEffect } from '../decisions/change-agreement.js';
import type { GovernanceContext, GovernanceRepos } from '../governance-context.js';
import { nextNumber } from '../../store/index.js';
import { resolveDate, type OutcomeInput } from '../decisions/outcome-input.js';

/** How long an experiment runs when the decision names no review date. */
export const DEFAULT_EXPERIMENT_LENGTH = '2w';

/** What makes a new experiment: where it comes from, the move, the metric, and (optionally) its review date. */
export type ExperimentFields = Omit<
  Experiment,
  'id' | 'number' | 'reviewDate' | 'startedAt' | 'state' | 'result' | 'concludedAt'
> & { reviewDate?: string };

/**
 * The subject of an experiment's events, so process mining follows it as part of its case: the tension a decision
 * started it on, else the recommendation a cell accepted, else the experiment itself.
 */
export function experimentSubject(experiment: Pick<Experiment, 'id' | 'tensionId' | 'recommendation'>): string {
  return experiment.tensionId ?? experiment.recommendation ?? experiment.id;
}

/**
 * Inserts a running experiment (E-n) and the `ExperimentStarted` event that records it, in the caller's transaction.
 * Both kinds go through here: the outcome of a decision, and a cell's own choice.
 */
export async function insertExperiment(
  repos: GovernanceRepos,
  now: Date,
  fields: ExperimentFields,
): Promise<{ experiment: Experiment; event: CloudEvent }> {
  const number = await nextNumber(repos.db, 'experiments');
  const experiment: Experiment = {
    ...fields,
    id: `E-${number}`,
    number,
    move: fields.move.trim(),
    metric: fields.metric.trim(),
    reviewDate: fields.reviewDate ?? resolveDate(DEFAULT_EXPERIMENT_LENGTH, now, 'reviewDate'),
    startedAt: now.toISOString(),
    state: 'running',
  };
  await repos.records.insertExperiment(experiment);
  const e = experiment;
  const data = {
    ...(e.tensionId ? { tension: e.tensionId } : {}),
    ...(e.decisionId ? { decision: e.decisionId } : {}),
    experiment: e.id,
    move: e.move,
    metric: e.metric,
    reviewDate: e.reviewDate,
    ...(e.cell ? { cell: `cell:${e.cell}`, title: e.title, startedBy: e.startedBy } : {}),
    ...(e.recommendation ? { recommendation: e.recommendation } : {}),
    ...(e.evidence ? { evidence: e.evidence } : {}),
  };
  const event = celloEvent(ExperimentStarted, { subject: experimentSubject(e), time: now, data: data });
  // Like recommendation events, a cell's own experiment names it, so the cell can subscribe to what it runs.
  return { experiment, event: e.cell ? { ...event, extensions: { cell: e.cell } } : event };
}

/** Starts an experiment as a decision's outcome: a move, a metric to watch, and the date it comes back to the review. */
export async function startExperiment(
  ctx: GovernanceContext,
  repos: GovernanceRepos,
  tension: Tension,
  input: OutcomeInput,
  decision: { id: string },
): Promise<OutcomeEffect & { experiment: Experiment }> {
  const { experiment, event } = await insertExperiment(repos, ctx.now(), {
    tensionId: tension.id,
    decisionId: decision.id,
    move: input.move!,
    metric: input.metric!,
    ...(input.reviewDate ? { reviewDate: input.reviewDate } : {}),
  });
  return {
    experiment,
    details: {
      experiment: experiment.id,
      move: experiment.move,
      metric: experiment.metric,
      reviewDate: experiment.reviewDate,
    },
    events: [event],
    writes: [],
  };
}
