import type { FastifyError, FastifyInstance } from 'fastify';
import type { ErrorResponse } from '../model/index.js';
import { ERROR_CODES, isCelloError, isErrorCode, type CelloError, type ErrorCode } from '../shared/index.js';

/** An error answer: the status of its code in the shared table, and the body every route documents. */
function answer(code: ErrorCode, message: string, details?: Record<string, unknown>) {
  const body: ErrorResponse = { error: { code, message, ...(details ? { details } : {}) } };
  return { status: ERROR_CODES[code].status, body };
}

/**
 * Maps domain errors and Fastify's own errors to HTTP in one place, by the shared error table; anything else is a
 * 500 that says nothing internal.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | CelloError | Error, request, reply) => {
    const sent = (a: ReturnType<typeof answer>) => {
      if (a.status === 401) reply.header('www-authenticate', 'Bearer');
      return reply.status(a.status).send(a.body);
    };
    if (isCelloError(error) && isErrorCode(error.code)) return sent(answer(error.code, error.message, error.details));
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
        return sent(
          answer(
            'invalid_input',
            `${where} has an unknown parameter "${name}"; see /openapi.json for the ones this route takes.`,
            { field: `${where}.${name}` },
          ),
        );
      }
      return sent(
        answer(
          'invalid_input',
          `${where}${missing} ${first?.keyword === 'required' ? 'is required' : (first?.message ?? 'is invalid')}.`,
          {
            field: `${where}${missing}`,
            problems: fastifyError.validation.map((v) => `${v.instancePath || '/'} ${v.message}`),
          },
        ),
      );
    }
    if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode < 500) {
      return sent(answer(codeFor(fastifyError), messageFor(fastifyError)));
    }
    request.log.error({ err: error }, 'request failed');
    return sent(answer('internal', 'The server failed to handle this request; it has been logged. Retrying may help.'));
  });

  // Its own code, so a client tells "this server has no such route" from "no such record" without reading the message.
  app.setNotFoundHandler((request, reply) => {
    const { status, body } = answer(
      'route_not_found',
      `There is no ${request.method} ${request.url.split('?')[0]}; see /openapi.json for the API.`,
    );
    return reply.status(status).send(body);
  });
}

function codeFor(error: FastifyError): ErrorCode {
  if (error.code === 'FST_ERR_NOT_FOUND') return 'route_not_found';
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
