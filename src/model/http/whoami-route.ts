import { Type } from '@sinclair/typebox';
import { Principal } from '../principal.js';
import { defineRoute } from './route-definition.js';

/** `GET /v1/whoami`: who the token acts as, so clients (the dashboard) can say who is signed in. */
export const WHOAMI_ROUTE = defineRoute({
  method: 'GET',
  url: '/v1/whoami',
  summary: 'Who this token acts as',
  tags: ['auth'],
  response: {
    200: Type.Object({
      principal: Principal,
      description: Type.String({ description: 'the principal in words, e.g. "the admin token"' }),
    }),
  },
});
