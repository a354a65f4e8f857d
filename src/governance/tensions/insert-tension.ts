import { celloEvent, TensionRaised, type CloudEvent, type EventData, type Tension } from '../../model/index.js';
import { nextNumber } from '../../store/index.js';
import type { GovernanceContext, GovernanceRepos } from '../governance-context.js';
import type { Route } from './route-tension.js';

/** Inserts a tension under the next number (`T-<n>`) and returns it with its `TensionRaised` event. */
export async function insertTension(
  ctx: GovernanceContext,
  repos: GovernanceRepos,
  fields: Omit<Tension, 'id' | 'number'>,
): Promise<{ tension: Tension; events: CloudEvent[] }> {
  const number = await nextNumber(repos.db, 'tensions');
  const tension: Tension = { id: `T-${number}`, number, ...fields };
  await repos.tensions.insert(tension);
  const route = ctx.route(tension.type);
  const data = {
    tension: tension.id,
    title: tension.title,
    type: tension.type,
    cells: tension.cells,
    severity: tension.severity,
    observedAt: tension.observedAt,
    raisedBy: tension.raisedBy,
    origin: tension.origin,
    ...(tension.detector ? { detector: tension.detector, detectorSubject: tension.subject } : {}),
    evidence: tension.evidence,
    route: routeSummary(route),
  };
  return { tension, events: [celloEvent(TensionRaised, { subject: tension.id, time: ctx.now(), data })] };
}

/** The route as event data. */
export function routeSummary(route: Route): EventData<typeof TensionRaised>['route'] {
  return route.routed
    ? {
        routed: true,
        right: route.right,
        decider: `cell:${route.deciderCell}`,
        ...(route.deciderRole ? { role: route.deciderRole } : {}),
        method: route.method,
        forum: route.forum,
      }
    : { routed: false, reason: route.reason };
}
