import { Type } from '@sinclair/typebox';
import type { Selectable } from 'kysely';
import { enumColumn, jsonColumn } from '../../store/index.js';
import { INSTANCE_STATES, type InstanceState, type WorkflowInstancesTable } from '../workflow-tables.js';

/** Case variables: a JSON object of any values. */
export const VARIABLES = jsonColumn(Type.Record(Type.String(), Type.Unknown()));
const instanceState = enumColumn(INSTANCE_STATES);

/** An instance in memory while a batch runs: read once, changed by steps, written back once. */
export interface InstanceRecord {
  id: string;
  workflow: string;
  caseId: string;
  cell: string;
  template: string;
  state: InstanceState;
  step: string | null;
  vars: Record<string, unknown>;
  startedSeq: number;
  lastSeq: number;
  transitions: number;
  error: string | null;
  createdAt: number;
  updatedAt: number;
  completedAt: number | null;
}

/** A row of `workflow_instances`, read and checked. */
export function instanceFromRow(row: Selectable<WorkflowInstancesTable>): InstanceRecord {
  return {
    id: row.id,
    workflow: row.workflow,
    caseId: row.case_id,
    cell: row.cell,
    template: row.template,
    state: instanceState(row.state, `workflow_instances.state of ${row.id}`),
    step: row.step,
    vars: VARIABLES.read(row.vars, `workflow_instances.vars of ${row.id}`),
    startedSeq: Number(row.started_seq),
    lastSeq: Number(row.last_seq),
    transitions: row.transitions,
    error: row.error,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    completedAt: row.completed_at === null ? null : Number(row.completed_at),
  };
}

export function instanceToRow(record: InstanceRecord): WorkflowInstancesTable {
  return {
    id: record.id,
    workflow: record.workflow,
    case_id: record.caseId,
    cell: record.cell,
    template: record.template,
    state: record.state,
    step: record.step,
    vars: VARIABLES.write(record.vars),
    started_seq: record.startedSeq,
    last_seq: record.lastSeq,
    transitions: record.transitions,
    error: record.error,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
    completed_at: record.completedAt,
  };
}

/** The key instances are unique on. */
export function caseKey(workflow: string, caseId: string): string {
  return `${workflow}\u0000${caseId}`;
}
