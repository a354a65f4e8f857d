import {
  parseCelloEvent,
  WORKFLOW_EVENT_PREFIX,
  WorkflowCompleted,
  WorkflowEscalated,
  WorkflowStarted,
  WorkflowStepCompleted,
} from '../../model/index.js';
import { EVENT_COLUMN as C, type EventLog } from '../../store/index.js';

/** What the runs of one workflow (a cell's adaptation of a template) did, from its `Workflow*` events. */
export interface WorkflowRuns {
  workflow: string;
  /** The template's name (versions aside: cells adapting any version of it run "the same template"). */
  template: string;
  versions: string[];
  cell: string | null;
  started: number;
  /** Durations (completed − started, ms) of the runs that completed. */
  durations: number[];
  /** Completed runs in which some step completed more than once. */
  reworkRuns: number;
  escalatedRuns: number;
}

interface Run {
  workflow: string;
  template: string;
  startMs?: number;
  endMs?: number;
  steps: Map<string, number>;
  escalated: boolean;
  cell?: string;
}

/**
 * Groups workflow events by instance (extension `instance`), from `fromMs` on: each run's start, completion,
 * steps and escalations, then per workflow. Runs whose start is before `fromMs` are left out (their duration
 * would be cut short).
 */
export async function readWorkflowRuns(
  events: Pick<EventLog, 'scanColumns'>,
  fromMs: number,
  cellOf: (workflow: string) => string | undefined,
): Promise<WorkflowRuns[]> {
  const runs = new Map<string, Run>();
  for await (const batch of events.scanColumns({
    types: [`${WORKFLOW_EVENT_PREFIX}*`],
    fromMs,
    extensions: 'all',
    whole: [WorkflowStarted],
  })) {
    for (const row of batch) {
      const extensions = row[C.extensions];
      if (!extensions) continue;
      const ext = JSON.parse(extensions) as Record<string, unknown>;
      const instance = typeof ext.instance === 'string' ? ext.instance : undefined;
      const workflow = typeof ext.workflow === 'string' ? ext.workflow : undefined;
      const template = typeof ext.template === 'string' ? ext.template.replace(/^template:/, '') : undefined;
      if (!instance || !workflow || !template) continue;
      let run = runs.get(instance);
      if (!run) runs.set(instance, (run = { workflow, template, steps: new Map(), escalated: false }));
      const type = row[C.type];
      const t = row[C.timeMs];
      if (type === WorkflowStarted) {
        run.startMs = t;
        const json = row[C.data];
        const parsed = parseCelloEvent({ type, data: json ? JSON.parse(json) : undefined });
        if (parsed.ok && parsed.type === WorkflowStarted) run.cell = parsed.data.cell.replace(/^cell:/, '');
      } else if (type === WorkflowCompleted) {
        run.endMs = t;
      } else if (type === WorkflowEscalated) {
        run.escalated = true;
      } else if (type === WorkflowStepCompleted && typeof ext.step === 'string') {
        run.steps.set(ext.step, (run.steps.get(ext.step) ?? 0) + 1);
      }
    }
  }
  const byWorkflow = new Map<string, WorkflowRuns>();
  for (const run of runs.values()) {
    if (run.startMs === undefined) continue;
    let w = byWorkflow.get(run.workflow);
    if (!w) {
      const [name] = run.template.split('@');
      byWorkflow.set(
        run.workflow,
        (w = {
          workflow: run.workflow,
          template: name!,
          versions: [],
          cell: cellOf(run.workflow) ?? run.cell ?? null,
          started: 0,
          durations: [],
          reworkRuns: 0,
          escalatedRuns: 0,
        }),
      );
    }
    if (!w.versions.includes(run.template)) w.versions.push(run.template);
    w.started++;
    if (run.escalated) w.escalatedRuns++;
    if (run.endMs === undefined) continue;
    w.durations.push(run.endMs - run.startMs);
    if ([...run.steps.values()].some((n) => n > 1)) w.reworkRuns++;
  }
  return [...byWorkflow.values()];
}
