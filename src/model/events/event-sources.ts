/** Every source of Cello's own events starts here; an event from another source is not Cello's. */
export const CELLO_SOURCE_PREFIX = '/cello/';

/** Tensions, proposals, reviews, decisions and experiments. */
export const GOVERNANCE_SOURCE = '/cello/governance';

/** Recommendations. */
export const INSIGHTS_SOURCE = '/cello/insights';

/** Webhook deliveries of subscriptions. */
export const DELIVERIES_SOURCE = '/cello/deliveries';

/** `cello apply` and `cello serve --org`. */
export const APPLY_SOURCE = '/cello/apply';

/** The source of every event a workflow records or emits, as a pattern. */
export const WORKFLOW_SOURCE_PATTERN = '/cello/workflows/{workflow}';

/** Any Cello component, as a pattern: `/cello/workflows/refunds`, `/cello/governance`… */
export const COMPONENT_SOURCE_PATTERN = '/cello/{component}';

/** The source of every event a workflow records or emits: `/cello/workflows/<name>`. */
export function workflowSource(workflow: string): string {
  return `/cello/workflows/${workflow}`;
}
