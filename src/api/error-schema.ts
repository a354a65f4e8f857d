import { Type } from '@sinclair/typebox';

/** The error body every route documents: `{ error: { code, message, details } }`. */
export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String({
        description:
          'machine-readable: invalid_input, unauthenticated, not_allowed, not_found, conflict, limit_exceeded…',
      }),
      message: Type.String({ description: 'a full sentence: what was wrong, where, and what to do' }),
      details: Type.Optional(Type.Object({}, { additionalProperties: true })),
    }),
  },
  { $id: 'ErrorResponse', title: 'Error' },
);
