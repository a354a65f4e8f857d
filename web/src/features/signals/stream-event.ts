import type { LoggedEvent } from '../../../../src/model/http/index.js';

/** Reads one SSE `data:` payload (a LoggedEvent); anything that is not an event is ignored (returns undefined). */
export function parseStreamEvent(text: string): LoggedEvent | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (
      typeof value === 'object' &&
      value !== null &&
      'seq' in value &&
      typeof value.seq === 'number' &&
      'type' in value &&
      typeof value.type === 'string' &&
      'id' in value &&
      typeof value.id === 'string'
    )
      return value as LoggedEvent;
  } catch {
    // A heartbeat or a malformed line: nothing to show.
  }
  return undefined;
}
