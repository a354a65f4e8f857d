import {
  celloEvent,
  toStructuredCloudEvent,
  workflowSource,
  WorkflowTimer,
  type StoredEvent,
} from '../../model/index.js';
import { celEventView } from '../../engine/index.js';
import type { InstanceRecord } from './instance-record.js';

/** What moved an instance: an event from the log, or one of its timers. */
export interface Trigger {
  /** The ledger's trigger key: `e<seq>` for an event, `t<timer id>` for a timer. */
  key: string;
  /** The log position of the event, when an event triggered it. */
  seq: number | undefined;
  /** What step expressions see as `event`. */
  view: Record<string, unknown>;
  /** How transition events name the trigger. */
  ref: { type: string; id: string; seq?: number };
  /** `source#id` of the triggering event, carried as `causationid` by the events a step emits. */
  causation: string | undefined;
}

/** The trigger of a log event; the CEL view is built once and shared by every workflow it reaches. */
export function eventTrigger(event: StoredEvent, view: Record<string, unknown> = celEventView(event)): Trigger {
  return {
    key: `e${event.seq}`,
    seq: event.seq,
    view,
    ref: { type: event.type, id: event.id, seq: event.seq },
    causation: `${event.source}#${event.id}`,
  };
}

/** The trigger of a timer: expressions in timeout actions see `event.type == <WorkflowTimer>`. */
export function timerTrigger(
  timer: { id: string; step: string; kind: 'timeout' | 'task-due'; due_at: number },
  record: InstanceRecord,
): Trigger {
  const dueAt = new Date(Number(timer.due_at));
  const event = celloEvent(WorkflowTimer, {
    id: timer.id,
    source: workflowSource(record.workflow),
    subject: record.caseId,
    time: dueAt,
    data: { step: timer.step, kind: timer.kind, dueAt: dueAt.toISOString() },
  });
  return {
    key: `t${timer.id}`,
    seq: undefined,
    view: toStructuredCloudEvent(event),
    ref: { type: WorkflowTimer, id: timer.id },
    causation: undefined,
  };
}
