import { EVENT_COLUMN as C, type EventLog } from '../../store/index.js';

/** What the runs of one workflow (a cell's adaptation of a template) did, from its `dev.cello.workflow.*` events. */
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

const PREFIX = 'dev.cello.workflow.';
const STARTED = `${PREFIX}started`;

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
    types: [`${PREFIX}*`],
    fromMs,
    extensions: 'all',
    whole: [STARTED],
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
      const what = row[C.type].slice(PREFIX.length);
      const t = row[C.timeMs];
      if (what === 'started') {
        run.startMs = t;
        const json = row[C.data];
        const data = json ? (JSON.parse(json) as Record<string, unknown>) : {};
        if (typeof data.cell === 'string') run.cell = data.cell.replace(/^cell:/, '');
      } else if (what === 'completed') {
        run.endMs = t;
      } else if (what === 'escalated') {
        run.escalated = true;
      } else if (what === 'step.completed' && typeof ext.step === 'string') {
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
