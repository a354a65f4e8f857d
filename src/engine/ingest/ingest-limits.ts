import { DEFAULT_CLOUD_EVENT_LIMITS, type CloudEventLimits } from '../../model/index.js';
import { InputError } from '../../shared/index.js';

/** Limits on one `POST /v1/events` request, on top of the limits on each event. */
export interface IngestLimits extends CloudEventLimits {
  /** Largest request body in bytes; the HTTP layer should refuse larger bodies before reading them. */
  maxBodyBytes: number;
  /** Most events in one batch. */
  maxBatchEvents: number;
  /** Deepest nesting of arrays and objects in a JSON body (a batch's array and the event's object count). */
  maxJsonDepth: number;
}

export const DEFAULT_INGEST_LIMITS: Readonly<IngestLimits> = Object.freeze({
  ...DEFAULT_CLOUD_EVENT_LIMITS,
  maxBodyBytes: 4 * 1024 * 1024,
  maxBatchEvents: 1000,
  maxJsonDepth: 64,
});

/** Fills in defaults and checks every limit once, at start-up. */
export function compileIngestLimits(options: Partial<IngestLimits> = {}): IngestLimits {
  const limits = { ...DEFAULT_INGEST_LIMITS, ...options };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || value <= 0) {
      throw new InputError(`Ingest limit ${name} is ${value}; give a positive whole number.`, { field: name });
    }
  }
  return Object.freeze(limits);
}
