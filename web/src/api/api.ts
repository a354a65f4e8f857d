import { AuthenticationError, CelloHttpError, type CelloServer } from '../../../src/client/isomorphic.js';

/**
 * The server as the signed-in dashboard calls it (`callRoute(api, ROUTE, …)`): this origin, one bearer token, and
 * `onUnauthenticated` on any 401 so the app can return to the sign-in page.
 */
export function createApi(
  token: string,
  options: { onUnauthenticated?: (error: AuthenticationError) => void } = {},
): CelloServer & { token: string } {
  return {
    url: '',
    token,
    unreachable: () =>
      new CelloHttpError('The Cello server did not answer; check that `cello serve` is running and reachable.', 0),
    refused: (error) => {
      if (error instanceof AuthenticationError) options.onUnauthenticated?.(error);
    },
  };
}

/** What every signed-in view calls the API with. */
export type Api = ReturnType<typeof createApi>;
