import { hash } from 'node:crypto';
import {
  celloEvent,
  workflowSource,
  type CelloEventTypeFrom,
  type CloudEvent,
  type EventData,
  type ExtensionValue,
  type WORKFLOW_SOURCE_PATTERN,
} from '../../model/index.js';
import type { InstanceRecord } from './instance-record.js';

/**
 * The deterministic id of an event about one instance: `<instance id>-<hash of the parts>`. The same transition
 * of the same instance for the same trigger always gets the same id, so should it ever be recorded twice, the log
 * (idempotent on source and id) keeps one. The instance's time-ordered id (UUIDv7) leads, so a batch's events land
 * in a few neighbouring pages of the log's (source, id) index instead of one random page each: far fewer pages for
 * each commit to write.
 */
export function instanceEventId(instanceId: string, ...parts: (string | number)[]): string {
  return `${instanceId}-${hash('sha256', parts.join('\u0000'), 'hex').slice(0, 16)}`;
}

/** The extensions of an event about one instance: `workflow`, `template`, `instance` (and `step`, `causationid`). */
export function instanceExtensions(
  record: Pick<InstanceRecord, 'id' | 'workflow' | 'template'>,
  options: { step?: string; causation?: string },
): Record<string, ExtensionValue> {
  return {
    workflow: record.workflow,
    template: record.template,
    instance: record.id,
    ...(options.step !== undefined ? { step: options.step } : {}),
    ...(options.causation ? { causationid: options.causation } : {}),
  };
}

/** The types of the events a workflow records about its instances. */
export type InstanceEventType = CelloEventTypeFrom<typeof WORKFLOW_SOURCE_PATTERN>;

/** A Cello event about one instance (a transition, a task): subject = case id, with the instance's extensions. */
export function instanceEvent<T extends InstanceEventType>(
  record: Pick<InstanceRecord, 'id' | 'workflow' | 'template' | 'caseId'>,
  type: T,
  data: EventData<T>,
  options: { id: string; now: number; step?: string },
): CloudEvent {
  return celloEvent(type, {
    id: options.id,
    source: workflowSource(record.workflow),
    subject: record.caseId,
    time: new Date(options.now),
    data,
    extensions: instanceExtensions(record, options),
  });
}
