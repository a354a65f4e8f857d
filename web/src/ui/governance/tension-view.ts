import type { Route } from '../../../../src/model/http/index.js';

/** `decider: members of cell:x with the lead role (Ana) · consent · in the review`. */
export function describeRoute(route: Route): string {
  if (!route.routed) return route.reason;
  return `${route.who} decide${route.who.startsWith('members') ? '' : 's'} by ${route.method}, ${route.forum === 'review' ? 'in the tension review' : `async (window ${route.asyncTimeout})`}`;
}
