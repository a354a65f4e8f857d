import type { Experiment } from '../../model/index.js';
import { column, rowCodec, type RowOf } from '../../store/index.js';
import { EvidenceList } from '../stored-json.js';

const STATES = ['running', 'concluded'] as const satisfies readonly Experiment['state'][];

/** An experiment's fields and the columns that hold them: the one description the row type and the codec come from. */
const EXPERIMENT_FIELDS = {
  id: column.text('id'),
  number: column.integer('number'),
  /** The tension and decision that started it; NULL for an experiment a cell chose for itself. */
  tensionId: column.optionalText('tension_id'),
  decisionId: column.optionalText('decision_id'),
  /** A cell's own experiment: the cell, what it is about, who started it, the recommendation it follows, evidence. */
  cell: column.optionalText('cell'),
  title: column.optionalText('title'),
  startedBy: column.optionalText('started_by'),
  recommendation: column.optionalText('recommendation'),
  evidence: column.optionalJson('evidence', EvidenceList),
  move: column.text('move'),
  metric: column.text('metric'),
  reviewDate: column.text('review_date'),
  startedAt: column.text('started_at'),
  state: column.oneOf('state', STATES),
  result: column.optionalText('result'),
  concludedAt: column.optionalText('concluded_at'),
};

const codec = rowCodec('experiments', 'id', EXPERIMENT_FIELDS);

/** The `experiments` table, column by column (created by governance-migration.ts, rebuilt by cell-experiments). */
export type ExperimentsTable = RowOf<typeof EXPERIMENT_FIELDS>;

export const experimentFromRow = (row: ExperimentsTable): Experiment => codec.read(row);
export const experimentToRow = (experiment: Experiment): ExperimentsTable => codec.write(experiment);
