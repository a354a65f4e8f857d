import { Type, type Static } from '@sinclair/typebox';

/** The body of every error answer: `{ error: { code, message, details } }`, the code from the shared error table. */
export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String({
        description:
          'machine-readable: invalid_input, unauthenticated, not_allowed, not_found, route_not_found, conflict, limit_exceeded…',
      }),
      message: Type.String({ description: 'a full sentence: what was wrong, where, and what to do' }),
      details: Type.Optional(Type.Object({}, { additionalProperties: true })),
    }),
  },
  { $id: 'ErrorResponse', title: 'Error' },
);
export type ErrorResponse = Static<typeof ErrorResponse>;

/** The refusals a route that acts documents: bad input, not allowed, no such record, a conflicting state. */
export const REFUSALS = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse } as const;
