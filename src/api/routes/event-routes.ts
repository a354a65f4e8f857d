import type { FastifyInstance } from 'fastify';
import { parseHttpEvents, type IngestLimits, type Runtime } from '../../engine/index.js';
import { EVENT_ROUTES, toStructuredCloudEvent } from '../../model/index.js';
import { InputError } from '../../shared/index.js';
import { serveRoute } from '../serve-route.js';

/** `POST /v1/events` (CloudEvents HTTP binding: binary, structured, batch) and `GET /v1/events`. */
export async function eventRoutes(
  app: FastifyInstance,
  options: { runtime: Runtime; limits: IngestLimits },
): Promise<void> {
  const { runtime, limits } = options;

  // The binding decides by Content-Type, so this route takes every body raw and parses it itself.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: limits.maxBodyBytes }, (_request, body, done) =>
    done(null, body),
  );

  serveRoute(app, EVENT_ROUTES.publish, async (request, reply) => {
    const started = process.hrtime.bigint();
    try {
      const body: unknown = request.body;
      if (!Buffer.isBuffer(body))
        throw new InputError('The request has no body; send a CloudEvent.', { field: 'body' });
      const parsed = parseHttpEvents(
        { contentType: request.headers['content-type'], headers: request.headers, body },
        limits,
      );
      const outcomes = await runtime.publisher.publish(request.principal, parsed.events);
      const fresh = outcomes.filter((o) => !o.duplicate).length;
      runtime.metrics.eventsIngested.inc({ mode: parsed.mode }, fresh);
      if (fresh < outcomes.length) runtime.metrics.eventsDuplicate.inc(outcomes.length - fresh);
      reply.status(202);
      return { accepted: outcomes.length, events: outcomes };
    } catch (error) {
      runtime.metrics.ingestRejected.inc({ code: (error as { code?: string }).code ?? 'internal' });
      throw error;
    } finally {
      runtime.metrics.ackLatency.observe(Number(process.hrtime.bigint() - started) / 1e9);
    }
  });

  serveRoute(app, EVENT_ROUTES.list, async (request) => {
    const q = request.query;
    const limit = q.limit ?? 100;
    const events = await runtime.store.events.query({
      ...(q.type ? { types: q.type.split(',').map((t) => t.trim()) } : {}),
      ...(q.source ? { source: q.source } : {}),
      ...(q.subject ? { subject: q.subject } : {}),
      ...(q.from ? { from: q.from } : {}),
      ...(q.to ? { to: q.to } : {}),
      ...(q.after !== undefined ? { afterSeq: q.after } : {}),
      limit,
    });
    const last = events[events.length - 1];
    return {
      events: events.map((e) => ({ seq: e.seq, recordedat: e.recordedAt, ...toStructuredCloudEvent(e) })),
      next: events.length === limit && last ? last.seq : null,
    };
  });
}
