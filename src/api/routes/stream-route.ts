import type { FastifyInstance } from 'fastify';
import { type Runtime } from '../../engine/index.js';
import { EVENT_ROUTES, matchesTypePattern, toStructuredCloudEvent, type StoredEvent } from '../../model/index.js';
import { InputError } from '../../shared/index.js';
import { serveRoute } from '../serve-route.js';

/** A client this far behind is disconnected; it resumes from its Last-Event-ID without losing anything. */
const MAX_BUFFERED = 5_000;
const HEARTBEAT_MS = 15_000;

/**
 * `GET /v1/events/stream`: Server-Sent Events, one `message` per event with `id:` = its sequence number.
 * Resumable: `Last-Event-ID` (or `?after=`) replays what was missed from the log before going live.
 */
export async function streamRoute(app: FastifyInstance, options: { runtime: Runtime }): Promise<void> {
  const { runtime } = options;
  serveRoute(app, EVENT_ROUTES.stream, async (request, reply) => {
    const query = request.query;
    const lastEventId = request.headers['last-event-id'];
    let position: number;
    if (typeof lastEventId === 'string' && lastEventId !== '') {
      position = Number(lastEventId);
      if (!Number.isInteger(position) || position < 0) {
        throw new InputError(
          `Last-Event-ID "${lastEventId}" is not an event sequence number; send the id of the last event received.`,
          {
            field: 'last-event-id',
          },
        );
      }
    } else {
      position = query.after ?? runtime.feed.position;
    }
    const patterns = query.type
      ?.split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    const wanted = (e: StoredEvent) =>
      (!patterns || patterns.some((p) => matchesTypePattern(e.type, p))) &&
      (!query.subject || e.subject === query.subject);

    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    raw.write(': connected\nretry: 2000\n\n');

    let live: StoredEvent[] | undefined = [];
    let closed = false;
    const send = (events: StoredEvent[]) => {
      for (const event of events) {
        if (event.seq <= position) continue;
        position = event.seq;
        if (!wanted(event)) continue;
        raw.write(
          `id: ${event.seq}\nevent: message\ndata: ${JSON.stringify({ seq: event.seq, ...toStructuredCloudEvent(event) })}\n\n`,
        );
      }
    };
    // Listen first and hold live events while the backlog is replayed, so nothing falls in between.
    const unsubscribe = runtime.feed.subscribe((events) => {
      if (closed) return;
      if (live) {
        live.push(...events);
        if (live.length > MAX_BUFFERED) raw.end();
      } else {
        send(events);
        if (raw.writableLength > 8 * 1024 * 1024) raw.end();
      }
    });
    const heartbeat = setInterval(() => raw.write(': heartbeat\n\n'), HEARTBEAT_MS);
    raw.on('close', () => {
      closed = true;
      clearInterval(heartbeat);
      unsubscribe();
    });

    try {
      for (;;) {
        const backlog = await runtime.store.events.query({ afterSeq: position, limit: 500 });
        if (closed || backlog.length === 0) break;
        send(backlog);
        if (backlog.length < 500) break;
      }
      const held = live ?? [];
      live = undefined;
      send(held);
    } catch (error) {
      request.log.error({ err: error }, 'replaying the event stream failed');
      raw.end();
    }
    return reply;
  });
}
