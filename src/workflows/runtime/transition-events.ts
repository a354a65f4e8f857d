import { hash } from 'node:crypto';
import type { CloudEvent } from '../../model/index.js';
import type { InstanceRecord } from './instance-record.js';

/** The types of the events that record every transition; insights mine them per workflow and template. */
export const WORKFLOW_EVENT_TYPES = {
  started: 'dev.cello.workflow.started',
  stepCompleted: 'dev.cello.workflow.step.completed',
  escalated: 'dev.cello.workflow.escalated',
  completed: 'dev.cello.workflow.completed',
  failed: 'dev.cello.workflow.failed',
  taskCreated: 'dev.cello.workflow.task.created',
  taskClaimed: 'dev.cello.workflow.task.claimed',
  taskCompleted: 'dev.cello.workflow.task.completed',
  webhookDeadLettered: 'dev.cello.workflow.webhook.dead-lettered',
  upgradeAvailable: 'dev.cello.workflow.upgrade-available',
} as const;

/** Governance's detector port: a system event whose data asks for a tension (detector, subject, title, type, cells). */
export const TENSION_DETECTED = 'dev.cello.tension.detected';

/** The source of every event a workflow records or emits. */
export function workflowSource(workflow: string): string {
  return `/cello/workflows/${workflow}`;
}

/**
 * A deterministic event id: the same transition of the same instance for the same trigger always gets the
 * same id, so should it ever be recorded twice, the log (idempotent on source and id) keeps one.
 */
export function transitionId(...parts: (string | number)[]): string {
  return hash('sha256', parts.join('\u0000'), 'hex').slice(0, 32);
}

/**
 * The deterministic id of an event about one instance: `<instance id>-<hash of the parts>`. The instance's
 * time-ordered id (UUIDv7) leads, so a batch's events land in a few neighbouring pages of the log's
 * (source, id) index instead of one random page each: far fewer pages for each commit to write.
 */
export function instanceEventId(instanceId: string, ...parts: (string | number)[]): string {
  return `${instanceId}-${hash('sha256', parts.join('\u0000'), 'hex').slice(0, 16)}`;
}

/** An event about one instance: subject = case id, extensions `workflow`, `template`, `instance` (and `step`). */
export function instanceEvent(
  record: Pick<InstanceRecord, 'id' | 'workflow' | 'template' | 'caseId'>,
  type: string,
  data: Record<string, unknown>,
  options: { id: string; now: number; step?: string; causation?: string },
): CloudEvent {
  return {
    specversion: '1.0',
    id: options.id,
    source: workflowSource(record.workflow),
    type,
    subject: record.caseId,
    time: new Date(options.now).toISOString(),
    datacontenttype: 'application/json',
    data,
    extensions: {
      workflow: record.workflow,
      template: record.template,
      instance: record.id,
      ...(options.step !== undefined ? { step: options.step } : {}),
      ...(options.causation ? { causationid: options.causation } : {}),
    },
  };
}
