import {
  celloEvent,
  ExperimentConcluded,
  TensionDecided,
  TensionDropped,
  TensionEscalated,
  TensionResolved,
} from '../../model/index.js';
import type { CloudEvent, Decision, Tension } from '../../model/index.js';
import { InputError } from '../../shared/index.js';
import { addGuardrail } from './add-guardrail.js';
import { changeAgreement, type OutcomeEffect } from './change-agreement.js';
import type { GovernanceContext, GovernanceRepos, PendingWrite } from '../governance-context.js';
import { nextNumber } from '../../store/index.js';
import type { OutcomeInput } from './outcome-input.js';
import { experimentSubject, startExperiment } from '../experiments/start-experiment.js';
import { assertTransition } from '../tensions/tension-states.js';

/** Who decided and how, for the decisions log. */
export interface DecisionAct {
  tensionId: string;
  input: OutcomeInput;
  method: Decision['method'];
  decidedBy: string;
  deciderCell?: string;
  deciderRole?: string;
  reviewId?: string;
  proposalId?: string;
  /** The criteria the right names, used when the decision names none. */
  defaultCriteria: string[];
}

/** The decision, and what it changed. */
export interface DecisionRecord {
  decision: Decision;
  tension: Tension;
  events: CloudEvent[];
  writes: PendingWrite[];
}

/** The tension experiment-review tensions are about: `experiment:E-3` → E-3. */
const EXPERIMENT_SUBJECT = /^experiment:(E-\d+)$/;

/**
 * Records a decision and carries out its outcome in the caller's transaction: the decisions log entry, the
 * outcome's changes (a new agreement or guardrail version, an experiment), the tension's new state, and events.
 * A change to an agreement or guardrail resolves the tension at once; an experiment leaves it decided until the
 * experiment is reviewed; an escalation leaves it open; a drop ends it.
 */
export async function carryOutDecision(
  ctx: GovernanceContext,
  repos: GovernanceRepos,
  act: DecisionAct,
): Promise<DecisionRecord> {
  const tension = await repos.tensions.get(act.tensionId, { lock: true });
  const criteria = act.input.criteria ?? act.defaultCriteria;
  const known = ctx.criteria().map((c) => c.name);
  const unknown = criteria.filter((c) => !known.includes(c));
  if (unknown.length > 0) {
    throw new InputError(
      `${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not among the organization's criteria (${known.join(', ') || 'none'}).`,
      { field: 'criteria' },
    );
  }
  const target = act.input.outcome === 'drop' ? 'dropped' : act.input.outcome === 'escalate' ? 'open' : 'decided';
  if (target !== 'open') assertTransition(tension.id, tension.state, target);
  else if (tension.state !== 'open' && tension.state !== 'scheduled')
    assertTransition(tension.id, tension.state, 'decided');

  const now = ctx.now();
  const stamp = now.toISOString();
  const number = await nextNumber(repos.db, 'decisions');
  const id = `D-${number}`;
  const ref = { id, ...(act.deciderCell ? { deciderCell: act.deciderCell } : {}) };
  const effect = await outcomeEffect(ctx, repos, tension, act.input, ref);
  const reviewDate = (effect.details.reviewDate as string | undefined) ?? act.input.reviewDate;
  const decision: Decision = {
    id,
    number,
    tensionId: tension.id,
    ...(act.reviewId ? { reviewId: act.reviewId } : {}),
    ...(act.proposalId ? { proposalId: act.proposalId } : {}),
    outcome: act.input.outcome,
    method: act.method,
    decidedBy: act.decidedBy,
    ...(act.deciderCell ? { deciderCell: act.deciderCell } : {}),
    ...(act.deciderRole ? { deciderRole: act.deciderRole } : {}),
    criteria,
    rationale: (act.input.rationale ?? act.input.reason ?? '').trim(),
    ...(reviewDate ? { reviewDate } : {}),
    details: { ...effect.details, ...(act.input.result ? { result: act.input.result } : {}) },
    decidedAt: stamp,
  };
  await repos.records.insertDecision(decision);

  const events: CloudEvent[] = [
    celloEvent(TensionDecided, {
      subject: tension.id,
      time: now,
      data: {
        tension: tension.id,
        decision: id,
        outcome: decision.outcome,
        method: decision.method,
        decidedBy: decision.decidedBy,
        ...(decision.deciderCell ? { decider: `cell:${decision.deciderCell}` } : {}),
        criteria,
        rationale: decision.rationale,
        ...(reviewDate ? { reviewDate } : {}),
        ...(act.reviewId ? { review: act.reviewId } : {}),
        ...(act.proposalId ? { proposal: act.proposalId } : {}),
      },
    }),
    ...effect.events,
  ];
  const base = { updatedAt: stamp, reviewId: null };
  switch (act.input.outcome) {
    case 'change-agreement':
    case 'add-guardrail':
      await repos.tensions.update(tension.id, {
        ...base,
        state: 'resolved',
        decidedAt: stamp,
        resolvedAt: stamp,
        closedReason: `carried out by decision ${id}`,
      });
      events.push(
        celloEvent(TensionResolved, {
          subject: tension.id,
          time: now,
          data: {
            tension: tension.id,
            by: act.decidedBy,
            reason: `carried out by decision ${id}`,
            decision: id,
          },
        }),
      );
      break;
    case 'experiment':
      await repos.tensions.update(tension.id, { ...base, state: 'decided', decidedAt: stamp });
      break;
    case 'escalate':
      await repos.tensions.update(tension.id, {
        ...base,
        state: 'open',
        escalations: tension.escalations + 1,
        escalatedTo: act.input.to?.replace(/^cell:/, '') ?? null,
      });
      events.push(
        celloEvent(TensionEscalated, {
          subject: tension.id,
          time: now,
          data: {
            tension: tension.id,
            decision: id,
            to: act.input.to ?? null,
            reason: act.input.reason,
            escalations: tension.escalations + 1,
          },
        }),
      );
      break;
    case 'drop':
      await repos.tensions.update(tension.id, {
        ...base,
        state: 'dropped',
        decidedAt: stamp,
        closedReason: act.input.reason ?? decision.rationale,
      });
      events.push(
        celloEvent(TensionDropped, {
          subject: tension.id,
          time: now,
          data: {
            tension: tension.id,
            decision: id,
            reason: act.input.reason ?? decision.rationale,
          },
        }),
      );
      break;
  }
  events.push(...(await concludeExperiment(ctx, repos, tension, decision)));
  return { decision, tension: await repos.tensions.get(tension.id), events, writes: effect.writes };
}

async function outcomeEffect(
  ctx: GovernanceContext,
  repos: GovernanceRepos,
  tension: Tension,
  input: OutcomeInput,
  ref: { id: string; deciderCell?: string },
): Promise<OutcomeEffect> {
  switch (input.outcome) {
    case 'change-agreement':
      return changeAgreement(ctx, repos, tension, input, ref);
    case 'add-guardrail':
      return addGuardrail(ctx, repos, tension, input, ref);
    case 'experiment':
      return startExperiment(ctx, repos, tension, input, ref);
    case 'escalate':
      return { details: { ...(input.to ? { to: input.to } : {}), reason: input.reason }, events: [], writes: [] };
    case 'drop':
      return { details: { reason: input.reason }, events: [], writes: [] };
  }
}

/**
 * Deciding an experiment's review concludes the experiment; unless it is tried again, the tension a decision started
 * it on is resolved (a cell's own experiment has none).
 */
async function concludeExperiment(
  ctx: GovernanceContext,
  repos: GovernanceRepos,
  tension: Tension,
  decision: Decision,
): Promise<CloudEvent[]> {
  const match = tension.detector === 'experiment-review' ? EXPERIMENT_SUBJECT.exec(tension.subject ?? '') : null;
  const experiment = match ? await repos.records.experiment(match[1]!) : undefined;
  if (!experiment || experiment.state !== 'running') return [];
  const now = ctx.now();
  const result = String(decision.details.result ?? decision.rationale);
  await repos.records.concludeExperiment(experiment.id, result, now.toISOString());
  const origin = {
    ...(experiment.tensionId ? { tension: experiment.tensionId } : {}),
    ...(experiment.cell ? { cell: `cell:${experiment.cell}` } : {}),
    ...(experiment.recommendation ? { recommendation: experiment.recommendation } : {}),
  };
  const events = [
    celloEvent(ExperimentConcluded, {
      subject: experimentSubject(experiment),
      time: now,
      data: {
        experiment: experiment.id,
        ...origin,
        review: tension.id,
        decision: decision.id,
        outcome: decision.outcome,
        result,
      },
    }),
  ];
  // A cell's own experiment has no tension of its own to resolve.
  if (!experiment.tensionId) return events;
  const original = await repos.tensions.get(experiment.tensionId);
  if (decision.outcome !== 'experiment' && decision.outcome !== 'escalate' && original.state === 'decided') {
    const reason = `experiment ${experiment.id} reviewed: ${decision.outcome} (decision ${decision.id})`;
    await repos.tensions.update(original.id, {
      state: 'resolved',
      resolvedAt: now.toISOString(),
      closedReason: reason,
      updatedAt: now.toISOString(),
    });
    events.push(
      celloEvent(TensionResolved, {
        subject: original.id,
        time: now,
        data: { tension: original.id, by: decision.decidedBy, reason },
      }),
    );
  }
  return events;
}
