import { NotFoundError } from '../../shared/index.js';
import type { Decision, Experiment, Proposal, ProposalState } from '../../model/index.js';
import type { GovernanceDb } from '../governance-db.js';
import { experimentFromRow, experimentToRow } from '../experiments/experiment-row.js';
import { decisionFromRow, decisionToRow } from './decision-row.js';
import { proposalFromRow, proposalToRow } from './proposal-row.js';

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
      return proposalFromRow(row);
    },
    async proposals(
      filter: { tensionId?: string; reviewId?: string; state?: ProposalState } = {},
    ): Promise<Proposal[]> {
      let q = db.selectFrom('proposals').selectAll();
      if (filter.tensionId) q = q.where('tension_id', '=', filter.tensionId);
      if (filter.reviewId) q = q.where('review_id', '=', filter.reviewId);
      if (filter.state) q = q.where('state', '=', filter.state);
      return (await q.orderBy('number').execute()).map(proposalFromRow);
    },
    async insertProposal(p: Proposal): Promise<void> {
      await db.insertInto('proposals').values(proposalToRow(p)).execute();
    },
    /** Writes what settling and voting change: the state, the objections, the votes, when it settled. */
    async updateProposal(p: Proposal): Promise<void> {
      const { state, objections, votes, settled_at } = proposalToRow(p);
      await db.updateTable('proposals').set({ state, objections, votes, settled_at }).where('id', '=', p.id).execute();
    },
    async decisions(
      filter: { tensionId?: string; tensionIds?: readonly string[]; reviewId?: string; dueBy?: string } = {},
    ): Promise<Decision[]> {
      let q = db.selectFrom('decisions').selectAll();
      if (filter.tensionId) q = q.where('tension_id', '=', filter.tensionId);
      if (filter.tensionIds) q = q.where('tension_id', 'in', filter.tensionIds.length ? [...filter.tensionIds] : ['']);
      if (filter.reviewId) q = q.where('review_id', '=', filter.reviewId);
      if (filter.dueBy) q = q.where('review_date', '<=', filter.dueBy);
      return (await q.orderBy('number').execute()).map(decisionFromRow);
    },
    async insertDecision(d: Decision): Promise<void> {
      await db.insertInto('decisions').values(decisionToRow(d)).execute();
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
      return (await q.orderBy('number').execute()).map(experimentFromRow);
    },
    async experiment(id: string): Promise<Experiment | undefined> {
      const row = await db.selectFrom('experiments').selectAll().where('id', '=', id).executeTakeFirst();
      return row && experimentFromRow(row);
    },
    async insertExperiment(e: Experiment): Promise<void> {
      await db.insertInto('experiments').values(experimentToRow(e)).execute();
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
