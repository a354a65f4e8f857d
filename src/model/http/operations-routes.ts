/** `/healthz` (the process answers), `/readyz` (the store answers), `/metrics` (Prometheus text). No token needed. */
import { Type } from '@sinclair/typebox';
import { defineRoute } from './route-definition.js';

const tags = ['operations'];

export const OPERATIONS_ROUTES = {
  liveness: defineRoute({
    method: 'GET',
    url: '/healthz',
    summary: 'Liveness',
    tags,
    response: { 200: Type.Object({ status: Type.Literal('ok') }) },
  }),
  readiness: defineRoute({
    method: 'GET',
    url: '/readyz',
    summary: 'Readiness: the store answers',
    tags,
    response: {
      200: Type.Object({
        status: Type.Literal('ready'),
        backend: Type.String({ description: 'the store: sqlite or postgres' }),
        lastSeq: Type.Integer({ description: 'the end of the log' }),
      }),
      503: Type.Object({ status: Type.Literal('unavailable'), reason: Type.String() }),
    },
  }),
  metrics: defineRoute({
    method: 'GET',
    url: '/metrics',
    summary: 'Prometheus metrics',
    tags,
    produces: ['text/plain'],
    response: { 200: Type.String({ description: 'the Prometheus text format' }) },
  }),
};
