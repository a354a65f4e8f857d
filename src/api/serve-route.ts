import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
  RouteHandlerMethod,
} from 'fastify';
import type { RouteDefinition, RouteResponse } from '../model/index.js';

/** Fastify's schema of a route definition: what validation, serialization and OpenAPI read. */
type SchemaOf<R extends RouteDefinition> = {
  summary: string;
  tags: string[];
  params: R['params'];
  querystring: R['querystring'];
  body: R['body'];
  response: R['response'];
};

/** A request of the route, typed by its schemas. */
export type RouteRequest<R extends RouteDefinition> = FastifyRequest<
  RouteGenericInterface,
  RawServerDefault,
  RawRequestDefaultExpression,
  SchemaOf<R>,
  TypeBoxTypeProvider
>;

/**
 * The reply of the route, typed by its schemas; for a route that answers in other media types (`produces`: a file,
 * a stream, Markdown) the serializer is not involved, so its reply sends what the handler streams.
 */
export type RouteReply<R extends RouteDefinition> = R['produces'] extends readonly string[]
  ? FastifyReply
  : FastifyReply<
      RouteGenericInterface,
      RawServerDefault,
      RawRequestDefaultExpression,
      RawReplyDefaultExpression,
      unknown,
      SchemaOf<R>,
      TypeBoxTypeProvider
    >;

/**
 * A handler answers with the route's 2xx body (set another 2xx with `reply.status()` first), or returns the reply
 * itself for what the serializer does not see: a stream, a text answer, a hijacked Server-Sent Events connection.
 */
export type RouteHandler<R extends RouteDefinition> = (
  request: RouteRequest<R>,
  reply: RouteReply<R>,
) => Promise<RouteResponse<R> | RouteReply<R>>;

/** Registers the handler of a route definition: one schema for validation, serialization and /openapi.json. */
export function serveRoute<R extends RouteDefinition>(
  app: FastifyInstance,
  route: R,
  handler: NoInfer<RouteHandler<R>>,
): void {
  app.route({
    method: route.method,
    url: route.url,
    schema: {
      summary: route.summary,
      tags: [...route.tags],
      ...(route.description ? { description: route.description } : {}),
      ...(route.params ? { params: route.params } : {}),
      ...(route.querystring ? { querystring: route.querystring } : {}),
      ...(route.body ? { body: route.body } : {}),
      response: route.response,
      ...(route.produces ? { produces: [...route.produces] } : {}),
    },
    // The one place the route's own types meet Fastify's untyped instance: the handler was checked against R above.
    handler: handler as unknown as RouteHandlerMethod,
  });
}
