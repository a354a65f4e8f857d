import type { Route, Severity, TensionState } from '../../../../src/model/index.js';

/**
 * What the tension views need at run time; the shapes `GET /v1/tensions…` returns are the model's types
 * (`import type … from src/model`). The lists repeat the model's, checked against its types, because the
 * dashboard takes only types from src/.
 */
export const TENSION_STATES = [
  'open',
  'scheduled',
  'decided',
  'resolved',
  'dropped',
] as const satisfies readonly TensionState[];
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const satisfies readonly Severity[];

/** `decider: members of cell:x with the lead role (Ana) · consent · in the review`. */
export function describeRoute(route: Route): string {
  if (!route.routed) return route.reason;
  return `${route.who} decide${route.who.startsWith('members') ? '' : 's'} by ${route.method}, ${route.forum === 'review' ? 'in the tension review' : `async (window ${route.asyncTimeout})`}`;
}
