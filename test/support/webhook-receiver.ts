/** A real webhook receiver on 127.0.0.1 that records what it gets and answers with a status tests can change. */
import http from 'node:http';

export interface ReceivedWebhook {
  headers: http.IncomingHttpHeaders;
  body: string;
  json: Record<string, unknown>;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** The status the next requests get (default 204). */
  status: number;
  headers: Record<string, string>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(pathname = '/hook'): Promise<WebhookReceiver> {
  const receiver = { received: [] as ReceivedWebhook[], status: 204, headers: {} as Record<string, string> };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: Record<string, unknown> = {};
      try {
        json = JSON.parse(body) as Record<string, unknown>;
      } catch {
        // Recorded as received; tests assert on it.
      }
      receiver.received.push({ headers: request.headers, body, json });
      response.writeHead(receiver.status, receiver.headers).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}${pathname}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
