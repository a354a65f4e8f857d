/** One event as the SSE stream and `GET /v1/events` send it: the structured CloudEvent plus its position. */
export interface StreamEvent {
  seq: number;
  id: string;
  source: string;
  type: string;
  subject?: string;
  time?: string;
  recordedat?: string;
  datacontenttype?: string;
  data?: unknown;
  data_base64?: string;
  [extension: string]: unknown;
}

/** Reads one SSE `data:` payload; anything that is not an event is ignored (returns undefined). */
export function parseStreamEvent(text: string): StreamEvent | undefined {
  try {
    const value = JSON.parse(text) as Partial<StreamEvent>;
    if (typeof value.seq === 'number' && typeof value.type === 'string' && typeof value.id === 'string')
      return value as StreamEvent;
  } catch {
    // A heartbeat or a malformed line: nothing to show.
  }
  return undefined;
}
