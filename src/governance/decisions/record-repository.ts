import type { Selectable } from 'kysely';
import { NotFoundError } from '../../shared/index.js';
import type { Decision, Experiment, Proposal, ProposalState, Evidence } from '../../model/index.js';
import { defined, parseJson, type GovernanceDb } from '../governance-db.js';
import type { DecisionsTable, ExperimentsTable, ProposalsTable } from '../governance-tables.js';

function toProposal(r: Selectable<ProposalsTable>): Proposal {
  return {
    id: r.id,
    number: Number(r.number),
    tensionId: r.tension_id,
    method: r.method as Proposal['method'],
    outcome: parseJson(r.outcome, { outcome: 'drop' }),
    proposedBy: r.proposed_by,
    proposerCell: r.proposer_cell,
    proposedAt: r.proposed_at,
    state: r.state as ProposalState,
    objections: parseJson(r.objections, []),
    votes: parseJson(r.votes, []),
    ...(defined({
      reviewId: r.review_id,
      proposerRole: r.proposer_role,
      closesAt: r.closes_at,
      settledAt: r.settled_at,
    }) as Partial<Proposal>),
  };
}

function toDecision(r: Selectable<DecisionsTable>): Decision {
  return {
    id: r.id,
    number: Number(r.number),
    tensionId: r.tension_id,
    outcome: r.outcome as Decision['outcome'],
    method: r.method as Decision['method'],
    decidedBy: r.decided_by,
    criteria: parseJson(r.criteria, []),
    rationale: r.rationale,
    details: parseJson(r.details, {}),
    decidedAt: r.decided_at,
    ...(defined({
      reviewId: r.review_id,
      proposalId: r.proposal_id,
      deciderCell: r.decider_cell,
      deciderRole: r.decider_role,
      reviewDate: r.review_date,
    }) as Partial<Decision>),
  };
}

function toExperiment(r: Selectable<ExperimentsTable>): Experiment {
  return {
    id: r.id,
    number: Number(r.number),
    ...(defined({
      tensionId: r.tension_id,
      decisionId: r.decision_id,
      cell: r.cell,
      title: r.title,
      startedBy: r.started_by,
      recommendation: r.recommendation,
    }) as Partial<Experiment>),
    ...(r.evidence ? { evidence: parseJson<Evidence[]>(r.evidence, []) } : {}),
    move: r.move,
    metric: r.metric,
    reviewDate: r.review_date,
    startedAt: r.started_at,
    state: r.state as Experiment['state'],
    ...(defined({ result: r.result, concludedAt: r.concluded_at }) as Partial<Experiment>),
  };
}

/** Proposals, decisions and experiments over one executor. */
export function recordRepository(db: GovernanceDb, lockRows = false) {
  return {
    async proposal(id: string, options: { lock?: boolean } = {}): Promise<Proposal> {
      const normalized = /^\d+$/.test(id) ? `P-${id}` : id.toUpperCase();
      let query = db.selectFrom('proposals').selectAll().where('id', '=', normalized);
      if (options.lock && lockRows) query = query.forUpdate();
      const row = await query.executeTakeFirst();
      if (!row)
        throw new NotFoundError(
          `There is no proposal "${id}"; \`cello tension show <id>\` lists a tension's proposals.`,
          { field: 'id', value: id },
        );
      return toProposal(row);
    },
    async proposals(
      filter: { tensionId?: string; reviewId?: string; state?: ProposalState } = {},
    ): Promise<Proposal[]> {
      let q = db.selectFrom('proposals').selectAll();
      if (filter.tensionId) q = q.where('tension_id', '=', filter.tensionId);
      if (filter.reviewId) q = q.where('review_id', '=', filter.reviewId);
      if (filter.state) q = q.where('state', '=', filter.state);
      return (await q.orderBy('number').execute()).map(toProposal);
    },
    async insertProposal(p: Proposal): Promise<void> {
      await db
        .insertInto('proposals')
        .values({
          id: p.id,
          number: p.number,
          tension_id: p.tensionId,
          review_id: p.reviewId ?? null,
          method: p.method,
          outcome: JSON.stringify(p.outcome),
          proposed_by: p.proposedBy,
          proposer_cell: p.proposerCell,
          proposer_role: p.proposerRole ?? null,
          proposed_at: p.proposedAt,
          closes_at: p.closesAt ?? null,
          state: p.state,
          objections: JSON.stringify(p.objections),
          votes: JSON.stringify(p.votes),
          settled_at: null,
        })
        .execute();
    },
    async updateProposal(p: Proposal): Promise<void> {
      await db
        .updateTable('proposals')
        .set({
          state: p.state,
          objections: JSON.stringify(p.objections),
          votes: JSON.stringify(p.votes),
          settled_at: p.settledAt ?? null,
        })
        .where('id', '=', p.id)
        .execute();
    },
    async decisions(
      filter: { tensionId?: string; tensionIds?: readonly string[]; reviewId?: string; dueBy?: string } = {},
    ): Promise<Decision[]> {
      let q = db.selectFrom('decisions').selectAll();
      if (filter.tensionId) q = q.where('tension_id', '=', filter.tensionId);
      if (filter.tensionIds) q = q.where('tension_id', 'in', filter.tensionIds.length ? [...filter.tensionIds] : ['']);
      if (filter.reviewId) q = q.where('review_id', '=', filter.reviewId);
      if (filter.dueBy) q = q.where('review_date', '<=', filter.dueBy);
      return (await q.orderBy('number').execute()).map(toDecision);
    },
    async insertDecision(d: Decision): Promise<void> {
      await db
        .insertInto('decisions')
        .values({
          id: d.id,
          number: d.number,
          tension_id: d.tensionId,
          review_id: d.reviewId ?? null,
          proposal_id: d.proposalId ?? null,
          outcome: d.outcome,
          method: d.method,
          decided_by: d.decidedBy,
          decider_cell: d.deciderCell ?? null,
          decider_role: d.deciderRole ?? null,
          criteria: JSON.stringify(d.criteria),
          rationale: d.rationale,
          review_date: d.reviewDate ?? null,
          details: JSON.stringify(d.details),
          decided_at: d.decidedAt,
        })
        .execute();
    },
    async experiments(
      filter: {
        state?: Experiment['state'];
        dueBy?: string;
        tensionId?: string;
        cell?: string;
        recommendation?: string;
      } = {},
    ): Promise<Experiment[]> {
      let q = db.selectFrom('experiments').selectAll();
      if (filter.state) q = q.where('state', '=', filter.state);
      if (filter.dueBy) q = q.where('review_date', '<=', filter.dueBy);
      if (filter.tensionId) q = q.where('tension_id', '=', filter.tensionId);
      if (filter.cell) q = q.where('cell', '=', filter.cell);
      if (filter.recommendation) q = q.where('recommendation', '=', filter.recommendation);
      return (await q.orderBy('number').execute()).map(toExperiment);
    },
    async experiment(id: string): Promise<Experiment | undefined> {
      const row = await db.selectFrom('experiments').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toExperiment(row);
    },
    async insertExperiment(e: Experiment): Promise<void> {
      await db
        .insertInto('experiments')
        .values({
          id: e.id,
          number: e.number,
          tension_id: e.tensionId ?? null,
          decision_id: e.decisionId ?? null,
          move: e.move,
          metric: e.metric,
          review_date: e.reviewDate,
          started_at: e.startedAt,
          state: e.state,
          result: null,
          concluded_at: null,
          cell: e.cell ?? null,
          title: e.title ?? null,
          started_by: e.startedBy ?? null,
          recommendation: e.recommendation ?? null,
          evidence: e.evidence ? JSON.stringify(e.evidence) : null,
        })
        .execute();
    },
    async concludeExperiment(id: string, result: string, at: string): Promise<void> {
      await db
        .updateTable('experiments')
        .set({ state: 'concluded', result, concluded_at: at })
        .where('id', '=', id)
        .execute();
    },
  };
}

export type RecordRepository = ReturnType<typeof recordRepository>;
