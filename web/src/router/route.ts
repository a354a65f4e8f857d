/** Every page of the dashboard; the server answers each of these paths with index.html. */
export type Route =
  | { page: 'sign-in' }
  | { page: 'map' }
  | { page: 'cell'; cell: string }
  | { page: 'signals' }
  | { page: 'tensions'; tension?: string }
  | { page: 'review'; review?: string }
  | { page: 'insights' }
  | { page: 'not-found'; path: string };

/** Reads a route from a pathname; `/` is the map. */
export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second, ...rest] = parts;
  if (rest.length > 0) return { page: 'not-found', path: pathname };
  switch (first) {
    case undefined:
    case 'map':
      return second === undefined ? { page: 'map' } : { page: 'not-found', path: pathname };
    case 'sign-in':
      return { page: 'sign-in' };
    case 'cells':
      return second ? { page: 'cell', cell: second } : { page: 'map' };
    case 'signals':
      return { page: 'signals' };
    case 'tensions':
      return second ? { page: 'tensions', tension: second } : { page: 'tensions' };
    case 'review':
      return second ? { page: 'review', review: second } : { page: 'review' };
    case 'insights':
      return { page: 'insights' };
    default:
      return { page: 'not-found', path: pathname };
  }
}

/** The path of a route; the inverse of {@link parseRoute}. */
export function hrefOf(route: Route): string {
  switch (route.page) {
    case 'sign-in':
      return '/sign-in';
    case 'map':
      return '/map';
    case 'cell':
      return `/cells/${encodeURIComponent(route.cell)}`;
    case 'signals':
      return '/signals';
    case 'tensions':
      return route.tension ? `/tensions/${encodeURIComponent(route.tension)}` : '/tensions';
    case 'review':
      return route.review ? `/review/${encodeURIComponent(route.review)}` : '/review';
    case 'insights':
      return '/insights';
    case 'not-found':
      return route.path;
  }
}
