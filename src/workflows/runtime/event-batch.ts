import { WORKFLOW_EVENT_PREFIX, type StoredEvent } from '../../model/index.js';
import { celEventView } from '../../engine/index.js';
import type { CompiledWorkflow } from './compiled-workflow.js';
import { caseKey, instanceFromRow, type InstanceRecord } from './instance-record.js';
import { advanceInstance, fail, startInstance, type StepContext } from './step-executor.js';
import { eventTrigger, type Trigger } from './trigger.js';
import type { WorkflowRegistry } from './workflow-registry.js';
import { chunk } from '../../store/index.js';
import type { WorkflowDb } from './workflow-db.js';
import { WriteSet, ledgerKey } from './write-set.js';

interface Delivery {
  event: StoredEvent;
  workflow: CompiledWorkflow;
  caseId: string;
  trigger: Trigger;
}

/**
 * Starts and advances instances for a batch of log events, in log order, inside the caller's transaction:
 * reads the instances involved and the ledger once, runs every step in memory, and returns the writes.
 */
export async function processEventBatch(
  db: WorkflowDb,
  registry: WorkflowRegistry,
  events: readonly StoredEvent[],
  now: number,
): Promise<WriteSet> {
  const deliveries: Delivery[] = [];
  for (const event of events) {
    const workflows = registry.interested(event);
    if (workflows.length === 0) continue;
    const view = celEventView(event);
    const trigger = eventTrigger(event, view);
    for (const workflow of workflows) {
      const caseId = correlate(workflow, event, view);
      if (caseId) deliveries.push({ event, workflow, caseId, trigger });
    }
  }
  if (deliveries.length === 0) return new WriteSet();
  const instances = await loadInstances(db, deliveries);
  // A ledger entry for event e<seq> commits with its instance at last_seq >= seq, so only instances already at or
  // past this batch's first event can hold entries for it (after a cursor reset, say): normally none to read.
  const firstSeq = deliveries[0]!.event.seq;
  const replayed = [...instances.values()].filter((r) => r.lastSeq >= firstSeq).map((r) => r.id);
  const writes = new WriteSet(
    replayed.length > 0 ? await loadLedger(db, replayed, new Set(deliveries.map((d) => d.trigger.key))) : [],
  );
  const ctx: StepContext = { now, writes };
  for (const { event, workflow, caseId, trigger } of deliveries) {
    const key = caseKey(workflow.name, caseId);
    const record = instances.get(key);
    if (!record) {
      if (
        event.type === workflow.startType &&
        passes(workflow.startCondition, { event: trigger.view, params: workflow.params })
      ) {
        instances.set(key, startInstance(ctx, workflow, caseId, trigger));
      }
      continue;
    }
    if (record.state !== 'waiting' || record.step === null) continue;
    const index = workflow.stepIndex.get(record.step);
    if (index === undefined) {
      // The workflow changed under a waiting instance: say so rather than wait forever.
      fail(ctx, record, record.step, trigger, `workflow "${workflow.name}" no longer has this step after an apply`);
      continue;
    }
    const step = workflow.steps[index]!;
    if (step.waitsFor !== event.type) continue;
    if (step.condition) {
      const instance = {
        id: record.id,
        caseId,
        workflow: workflow.name,
        cell: record.cell,
        template: record.template,
        step: step.id,
      };
      if (!passes(step.condition, { event: trigger.view, params: workflow.params, vars: record.vars, instance }))
        continue;
    }
    advanceInstance(ctx, workflow, record, step, trigger);
  }
  return writes;
}

/**
 * The case an event belongs to, for one workflow: Cello's own workflow events by subject; others by the
 * template's caseId expression when it has one (falling back to the subject when the event lacks the field).
 */
function correlate(workflow: CompiledWorkflow, event: StoredEvent, view: Record<string, unknown>): string | undefined {
  if (workflow.caseId && !event.type.startsWith(WORKFLOW_EVENT_PREFIX)) {
    try {
      const value = workflow.caseId.evaluate({ event: view, params: workflow.params });
      if (value !== null && value !== undefined && value !== '') return String(value);
    } catch {
      // fall through to the subject
    }
  }
  return event.subject || undefined;
}

/** A condition that cannot be evaluated (a missing field) does not match. */
function passes(
  condition: { evaluateBoolean(c: Record<string, unknown>): boolean } | undefined,
  scope: Record<string, unknown>,
): boolean {
  if (!condition) return true;
  try {
    return condition.evaluateBoolean(scope);
  } catch {
    return false;
  }
}

async function loadInstances(db: WorkflowDb, deliveries: readonly Delivery[]): Promise<Map<string, InstanceRecord>> {
  const cases = new Map<string, Set<string>>();
  for (const d of deliveries) {
    const set = cases.get(d.workflow.name) ?? new Set<string>();
    set.add(d.caseId);
    cases.set(d.workflow.name, set);
  }
  const out = new Map<string, InstanceRecord>();
  for (const [workflow, ids] of cases) {
    for (const part of chunk([...ids])) {
      const rows = await db
        .selectFrom('workflow_instances')
        .selectAll()
        .where('workflow', '=', workflow)
        .where('case_id', 'in', part)
        .execute();
      for (const row of rows) out.set(caseKey(row.workflow, row.case_id), instanceFromRow(row));
    }
  }
  return out;
}

/** Ledger entries already recorded for these instances and triggers (normally none: the cursor moves with the effects). */
export async function loadLedger(
  db: WorkflowDb,
  instanceIds: readonly string[],
  triggers: ReadonlySet<string>,
): Promise<string[]> {
  const out: string[] = [];
  for (const part of chunk(instanceIds)) {
    const rows = await db
      .selectFrom('workflow_history')
      .select(['instance_id', 'step', 'kind', 'trigger'])
      .where('instance_id', 'in', part)
      .execute();
    for (const r of rows) if (triggers.has(r.trigger)) out.push(ledgerKey(r.instance_id, r.step, r.kind, r.trigger));
  }
  return out;
}
