import type { FastifyError, FastifyInstance } from 'fastify';
import { isCelloError, type CelloError } from '../shared/index.js';

const STATUS_BY_CODE: Record<string, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  not_allowed: 403,
  not_found: 404,
  conflict: 409,
  limit_exceeded: 413,
};

/** The body of every error response: `{ error: { code, message, details } }`. */
export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

/** Maps domain errors and Fastify's own errors to HTTP in one place; anything else is a 500 that says nothing internal. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | CelloError | Error, request, reply) => {
    if (isCelloError(error)) {
      const status =
        typeof error.details.status === 'number' ? error.details.status : (STATUS_BY_CODE[error.code] ?? 400);
      const { status: _status, ...details } = error.details;
      if (status === 401) reply.header('www-authenticate', 'Bearer');
      return reply
        .status(status)
        .send({ error: { code: error.code, message: error.message, details } } satisfies ErrorBody);
    }
    const fastifyError = error as FastifyError;
    if (fastifyError.validation) {
      const first = fastifyError.validation[0];
      const where = `${fastifyError.validationContext ?? 'request'}${first?.instancePath ? first.instancePath.replaceAll('/', '.') : ''}`;
      const missing =
        first?.keyword === 'required'
          ? `.${String((first.params as { missingProperty?: string }).missingProperty)}`
          : '';
      if (first?.keyword === 'additionalProperties') {
        const name = String((first.params as { additionalProperty?: string }).additionalProperty);
        return reply.status(400).send({
          error: {
            code: 'invalid_input',
            message: `${where} has an unknown parameter "${name}"; see /openapi.json for the ones this route takes.`,
            details: { field: `${where}.${name}` },
          },
        } satisfies ErrorBody);
      }
      return reply.status(400).send({
        error: {
          code: 'invalid_input',
          message: `${where}${missing} ${first?.keyword === 'required' ? 'is required' : (first?.message ?? 'is invalid')}.`,
          details: {
            field: `${where}${missing}`,
            problems: fastifyError.validation.map((v) => `${v.instancePath || '/'} ${v.message}`),
          },
        },
      } satisfies ErrorBody);
    }
    if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode < 500) {
      return reply.status(fastifyError.statusCode).send({
        error: { code: codeFor(fastifyError), message: messageFor(fastifyError) },
      } satisfies ErrorBody);
    }
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send({
      error: {
        code: 'internal',
        message: 'The server failed to handle this request; it has been logged. Retrying may help.',
      },
    } satisfies ErrorBody);
  });

  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({
      error: {
        code: 'not_found',
        message: `There is no ${request.method} ${request.url.split('?')[0]}; see /openapi.json for the API.`,
      },
    } satisfies ErrorBody),
  );
}

function codeFor(error: FastifyError): string {
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return 'limit_exceeded';
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return 'unsupported_media_type';
  return error.statusCode === 429 ? 'rate_limited' : 'invalid_input';
}

function messageFor(error: FastifyError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'The request body is larger than this server accepts; send smaller events or split the batch.';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return `${error.message}; send application/json, or application/cloudevents+json for events.`;
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'The body is empty but the content type says JSON; send a JSON body or drop the Content-Type header.';
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    default:
      return error.message.endsWith('.') ? error.message : `${error.message}.`;
  }
}
