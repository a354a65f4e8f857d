import type { Static, TObject, TOptional, TSchema } from '@sinclair/typebox';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/**
 * One route of the HTTP API, written once: the server registers its handler from it (validation, serialization and
 * OpenAPI all read these schemas), and the typed client calls it. Fastify serializes a JSON answer through its
 * `response` schema and drops properties the schema does not list, so a response schema names everything sent.
 */
export interface RouteDefinition {
  method: HttpMethod;
  /** Fastify's form, parameters as `:name`: `/v1/tensions/:id`. */
  url: string;
  summary: string;
  description?: string;
  tags: readonly string[];
  params?: TObject;
  querystring?: TObject;
  /** `Type.Optional(…)` when the body may be left out. */
  body?: TSchema;
  /** The answer per status; the 2xx one is what the typed client returns. */
  response: Readonly<Record<number, TSchema>>;
  /** Media types of an answer that is not JSON (Markdown minutes, an XES file, an event stream, metrics text). */
  produces?: readonly string[];
  /** Media types of a body the route reads raw, without a `body` schema (CloudEvents decide by content type). */
  consumes?: readonly string[];
}

/** Keeps a definition's literal type, so its schemas type the handler and the client call. */
export function defineRoute<const R extends RouteDefinition>(route: R): R {
  return route;
}

type StaticOf<S> = S extends TSchema ? Static<S> : undefined;

/** The path parameters of a route (undefined when it has none). */
export type RouteParams<R extends RouteDefinition> = StaticOf<R['params']>;
/** The query of a route (undefined when it takes none). */
export type RouteQuery<R extends RouteDefinition> = StaticOf<R['querystring']>;
/** The body of a route (undefined when it takes none). */
export type RouteBody<R extends RouteDefinition> = StaticOf<R['body']>;

type SuccessStatus = 200 | 201 | 202 | 204;
/** What a route answers when it succeeds. */
export type RouteResponse<R extends RouteDefinition> = Static<
  R['response'][Extract<keyof R['response'], SuccessStatus>]
>;

type BodyInput<R extends RouteDefinition> = R['consumes'] extends readonly string[]
  ? { body: string; contentType: string }
  : R['body'] extends TOptional<TSchema>
    ? { body?: RouteBody<R> }
    : R['body'] extends TSchema
      ? { body: RouteBody<R> }
      : { body?: undefined };

/** What a call of the route sends: its path parameters, query and body, each only where the route has one. */
export type RouteInput<R extends RouteDefinition> = (R['params'] extends TSchema
  ? { params: RouteParams<R> }
  : { params?: undefined }) &
  (R['querystring'] extends TSchema ? { query?: RouteQuery<R> } : { query?: undefined }) &
  BodyInput<R>;
