import type { CloudEvent } from '../../model/index.js';
import type { Repositories } from '../../store/index.js';

/**
 * Runs a state change and appends the events that record it, routed like any event, in one transaction: the
 * publisher's `record`, as the outbox worker and the log consumer receive it.
 */
export type RecordChange = <T>(work: (tx: Repositories) => Promise<{ result: T; events: CloudEvent[] }>) => Promise<T>;
