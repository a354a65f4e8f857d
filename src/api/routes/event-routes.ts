import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { parseHttpEvents, type IngestLimits, type Runtime } from '../../engine/index.js';
import { toStructuredCloudEvent } from '../../model/index.js';
import { InputError } from '../../shared/index.js';
import { ErrorResponse } from '../error-schema.js';

const EventQuery = Type.Object({
  type: Type.Optional(
    Type.String({ description: 'exact type, or a prefix ending in .* ; comma-separated for several' }),
  ),
  source: Type.Optional(Type.String()),
  subject: Type.Optional(Type.String()),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'event time at or after (RFC 3339)' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'event time before (RFC 3339)' })),
  after: Type.Optional(Type.Integer({ minimum: 0, description: 'cursor: only events after this sequence number' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
});

const PublishResult = Type.Object({
  accepted: Type.Integer(),
  events: Type.Array(
    Type.Object({ id: Type.String(), source: Type.String(), seq: Type.Integer(), duplicate: Type.Boolean() }),
  ),
});

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

  app.post(
    '/v1/events',
    {
      schema: {
        summary: 'Publish CloudEvents (binary, structured or batch mode)',
        description:
          'Binary mode: ce-* headers and the data as body. Structured: application/cloudevents+json. Batch: application/cloudevents-batch+json (all or nothing). Acknowledged with 202 only once durably committed; idempotent on (source, id).',
        tags: ['events'],
        response: {
          202: PublishResult,
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          413: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const started = process.hrtime.bigint();
      try {
        const body = request.body;
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
        return reply.status(202).send({ accepted: outcomes.length, events: outcomes });
      } catch (error) {
        runtime.metrics.ingestRejected.inc({ code: (error as { code?: string }).code ?? 'internal' });
        throw error;
      } finally {
        runtime.metrics.ackLatency.observe(Number(process.hrtime.bigint() - started) / 1e9);
      }
    },
  );

  app.get(
    '/v1/events',
    {
      schema: {
        summary: 'Read the log, oldest first, with filters and a cursor',
        tags: ['events'],
        querystring: EventQuery,
        response: {
          200: Type.Object({
            events: Type.Array(Type.Object({}, { additionalProperties: true })),
            next: Type.Union([Type.Integer(), Type.Null()]),
          }),
          400: ErrorResponse,
        },
      },
    },
    async (request) => {
      const q = request.query as typeof EventQuery.static;
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
    },
  );
}
