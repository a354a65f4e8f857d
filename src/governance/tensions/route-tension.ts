import type { OrgModel } from '../../manifests/index.js';
import type { ManifestOf, Route, RoutedTo } from '../../model/index.js';
import { parseDuration } from '../../shared/index.js';

/** When a decision right names no asyncTimeout: the objection, advice and voting window. */
export const DEFAULT_ASYNC_TIMEOUT = '72h';

export type { Route, RoutedTo, Unrouted } from '../../model/index.js';

/** Routes a tension type to its decider, method and forum; several rights for one type: the first by name wins. */
export function routeTension(model: OrgModel, tensionType: string): Route {
  const rights = [...model.decisionRightsFor(tensionType)].sort((a, b) =>
    a.metadata.name.localeCompare(b.metadata.name),
  );
  const right = rights[0];
  if (!right) {
    return {
      routed: false,
      tensionType,
      reason: `Nobody holds the right to decide "${tensionType}" tensions: no DecisionRight names this tension type; add one (tensionType: ${tensionType}) and apply.`,
    };
  }
  return routeOf(model, right);
}

function routeOf(model: OrgModel, right: ManifestOf<'DecisionRight'>): RoutedTo {
  const { spec } = right;
  const deciderCell = spec.decider.cell.slice('cell:'.length);
  const role = spec.decider.role;
  const members = model.cells.get(deciderCell)?.spec.members ?? [];
  const holders = members.filter((m) => !role || m.roles.includes(role)).map((m) => m.name);
  const asyncTimeout = spec.asyncTimeout ?? DEFAULT_ASYNC_TIMEOUT;
  const who = role
    ? `members of cell:${deciderCell} with the ${role} role (${holders.join(', ') || 'nobody holds it yet'})`
    : `cell:${deciderCell} (${holders.join(', ') || 'no members listed'})`;
  return {
    routed: true,
    right: right.metadata.name,
    tensionType: spec.tensionType,
    deciderCell,
    ...(role ? { deciderRole: role } : {}),
    method: spec.method,
    forum: spec.forum,
    criteria: spec.criteria ?? [],
    asyncTimeout,
    asyncTimeoutMs: parseDuration(asyncTimeout, `DecisionRight/${right.metadata.name} spec.asyncTimeout`),
    advisors: (spec.advisors ?? []).map((a) => a.slice('cell:'.length)),
    holders,
    who,
  };
}
