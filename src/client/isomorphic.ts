/**
 * The part of the client a browser may load (the dashboard does): the typed call of a route of the wire contract,
 * and the errors its answers become. No node: imports here or below.
 */
export * from './call-route.js';
export * from './cello-http-error.js';
export {
  AuthenticationError,
  CelloError,
  ConflictError,
  InputError,
  InternalError,
  LimitError,
  NotAllowedError,
  NotFoundError,
  RateLimitError,
  RouteNotFoundError,
  UnsupportedMediaTypeError,
} from '../shared/isomorphic.js';
