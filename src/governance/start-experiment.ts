import type { OutcomeEffect } from './change-agreement.js';
import type { Experiment } from './decision.js';
import type { GovernanceContext, GovernanceRepos } from './governance-context.js';
import { nextNumber } from './governance-db.js';
import { GOVERNANCE_EVENTS as E, governanceEvent } from './governance-events.js';
import { resolveDate, type OutcomeInput } from './outcome-input.js';
import type { Tension } from './tension.js';

/** How long an experiment runs when the decision names no review date. */
export const DEFAULT_EXPERIMENT_LENGTH = '2w';

/** Starts an experiment: a move, a metric to watch, and the date it comes back to the review. */
export async function startExperiment(
  ctx: GovernanceContext,
  repos: GovernanceRepos,
  tension: Tension,
  input: OutcomeInput,
  decision: { id: string },
): Promise<OutcomeEffect & { experiment: Experiment }> {
  const now = ctx.now();
  const number = await nextNumber(repos.db, 'experiments');
  const experiment: Experiment = {
    id: `E-${number}`,
    number,
    tensionId: tension.id,
    decisionId: decision.id,
    move: input.move!.trim(),
    metric: input.metric!.trim(),
    reviewDate: input.reviewDate ?? resolveDate(DEFAULT_EXPERIMENT_LENGTH, now, 'reviewDate'),
    startedAt: now.toISOString(),
    state: 'running',
  };
  await repos.records.insertExperiment(experiment);
  return {
    experiment,
    details: { experiment: experiment.id, move: experiment.move, metric: experiment.metric, reviewDate: experiment.reviewDate },
    events: [governanceEvent(E.experimentStarted, tension.id, now, { tension: tension.id, decision: decision.id, experiment: experiment.id, move: experiment.move, metric: experiment.metric, reviewDate: experiment.reviewDate })],
    writes: [],
  };
}
