/** Reads a server's `GET /v1/events/stream` (Server-Sent Events) into an array, for tests across instances. */
import http from 'node:http';

export interface StreamedEvent {
  seq: number;
  id: string;
  type: string;
  subject?: string;
  data?: unknown;
}

export interface EventStreamClient {
  events: StreamedEvent[];
  /** Hangs up (the socket is destroyed, so the server sees the client leave at once). */
  close(): void;
}

/** Connects and resolves once the server said it is connected, so every event committed later will arrive. */
export function openEventStream(baseUrl: string, token: string, query = ''): Promise<EventStreamClient> {
  const events: StreamedEvent[] = [];
  return new Promise((resolve, reject) => {
    const request = http.get(
      `${baseUrl}/v1/events/stream${query}`,
      { headers: { authorization: `Bearer ${token}` }, agent: false },
      (response) => {
        if (response.statusCode !== 200) {
          reject(new Error(`The event stream answered ${response.statusCode}.`));
          response.resume();
          return;
        }
        response.setEncoding('utf8');
        let buffer = '';
        response.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) !== -1) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (frame.startsWith(': connected')) resolve({ events, close: () => request.destroy() });
            const data = frame
              .split('\n')
              .filter((line) => line.startsWith('data: '))
              .map((line) => line.slice(6))
              .join('\n');
            if (data) events.push(JSON.parse(data) as StreamedEvent);
          }
        });
      },
    );
    request.on('error', (error) => reject(error));
  });
}
