import type { OrgModel } from '../manifests/index.js';
import { describePrincipal } from '../model/index.js';
import { NotAllowedError } from '../shared/index.js';
import type { RoutedTo } from './tensions/route-tension.js';
import type { Tension, Principal } from '../model/index.js';

/**
 * Who may do what in governance (ARCHITECTURE.md has the table). Reading is open to every token; acting is not.
 * Each check throws NotAllowedError naming who may, so a refusal tells the caller where to go.
 */

/** The roles the principal's member holds in its cell; none for a token that names no member. */
export function memberRoles(model: OrgModel, principal: Principal): string[] {
  if (principal.kind !== 'cell' || !principal.member) return [];
  const wanted = principal.member.toLowerCase();
  const member = model.cells
    .get(principal.cell)
    ?.spec.members.find((m) => m.name.toLowerCase() === wanted || m.email?.toLowerCase() === wanted);
  return member ? [...member.roles] : [];
}

/** Whether the principal holds the decision right of `route`. */
export function holdsRight(model: OrgModel, principal: Principal, route: RoutedTo): boolean {
  if (principal.kind !== 'cell' || principal.cell !== route.deciderCell) return false;
  return !route.deciderRole || memberRoles(model, principal).includes(route.deciderRole);
}

/** Refuses unless the principal holds the right; the message names who does. */
export function assertDecider(
  model: OrgModel,
  principal: Principal,
  route: RoutedTo,
  tension: Pick<Tension, 'id' | 'type'>,
): void {
  if (holdsRight(model, principal, route)) return;
  const because =
    principal.kind === 'cell' && principal.cell === route.deciderCell && route.deciderRole
      ? principal.member
        ? `; ${principal.member} does not hold the ${route.deciderRole} role`
        : `; this token names no member, so it holds no role (create one with --member)`
      : '';
  throw new NotAllowedError(
    `Only ${route.who} may decide "${tension.type}" tensions such as ${tension.id} (DecisionRight/${route.right}); ${describePrincipal(principal)} may not${because}.`,
    {
      rule: 'decision-right',
      right: route.right,
      decider: `cell:${route.deciderCell}`,
      ...(route.deciderRole ? { role: route.deciderRole } : {}),
    },
  );
}

/** Facilitators of a cell: its members with the facilitator role. */
export function facilitatorsOf(model: OrgModel, cell: string): string[] {
  return (model.cells.get(cell)?.spec.members ?? []).filter((m) => m.roles.includes('facilitator')).map((m) => m.name);
}

/** Whether the principal facilitates reviews of `cell` (the admin always may). */
export function isFacilitator(model: OrgModel, principal: Principal, cell: string): boolean {
  if (principal.kind === 'admin') return true;
  return principal.kind === 'cell' && principal.cell === cell && memberRoles(model, principal).includes('facilitator');
}

/** Refuses unless the principal is a facilitator of the review's cell or the admin. */
export function assertFacilitator(model: OrgModel, principal: Principal, cell: string, action: string): void {
  if (isFacilitator(model, principal, cell)) return;
  const names = facilitatorsOf(model, cell);
  throw new NotAllowedError(
    `Only a facilitator of cell:${cell} (${names.join(', ') || 'nobody holds the role'}) or the admin may ${action}; ${describePrincipal(principal)} may not.`,
    { rule: 'facilitator', cell: `cell:${cell}` },
  );
}

/** The cells that belong to a tension: involved, the raiser's, the decider's and the advisors. */
export function cellsOfTension(tension: Pick<Tension, 'cells' | 'raiserCell'>, route?: RoutedTo): string[] {
  const cells = new Set(tension.cells);
  if (tension.raiserCell) cells.add(tension.raiserCell);
  if (route) {
    cells.add(route.deciderCell);
    for (const a of route.advisors) cells.add(a);
  }
  return [...cells].sort();
}

/** Refuses unless the principal's cell belongs to the tension (see {@link cellsOfTension}). */
export function assertBelongs(
  principal: Principal,
  tension: Pick<Tension, 'id' | 'cells' | 'raiserCell'>,
  route: RoutedTo | undefined,
  action: string,
): void {
  const cells = cellsOfTension(tension, route);
  if (principal.kind === 'cell' && cells.includes(principal.cell)) return;
  throw new NotAllowedError(
    `Only the cells involved in tension ${tension.id} (${cells.map((c) => `cell:${c}`).join(', ')}) may ${action}; ${describePrincipal(principal)} may not.`,
    { rule: 'involved-cells', cells: cells.map((c) => `cell:${c}`) },
  );
}

/** Ratings: the raiser's cell, a facilitator of the review cell, or the admin. */
export function assertCanRate(
  model: OrgModel,
  principal: Principal,
  tension: Pick<Tension, 'id' | 'raiserCell'>,
  reviewCell: string | undefined,
): void {
  if (principal.kind === 'admin') return;
  if (principal.kind === 'cell' && tension.raiserCell === principal.cell) return;
  if (reviewCell && isFacilitator(model, principal, reviewCell)) return;
  const facilitators = reviewCell
    ? ` or a facilitator of cell:${reviewCell} (${facilitatorsOf(model, reviewCell).join(', ') || 'none'})`
    : '';
  throw new NotAllowedError(
    `Only whoever raised tension ${tension.id} (${tension.raiserCell ? `cell:${tension.raiserCell}` : 'Cello'})${facilitators} may rate it; ${describePrincipal(principal)} may not.`,
    { rule: 'rate' },
  );
}

/**
 * A cell's own experiment: the cell itself (any of its tokens: a move within its own work needs no decision right),
 * or a Cello component acting on the cell's own choice (insights, after checking it is the owning cell that accepts).
 * The admin may not choose for a cell, and no cell for another.
 */
export function assertOwnExperiment(principal: Principal, cell: string): void {
  if (principal.kind === 'system' || (principal.kind === 'cell' && principal.cell === cell)) return;
  throw new NotAllowedError(
    `Only cell:${cell} may start an experiment of its own; ${describePrincipal(principal)} may not. A move that involves other cells is a tension: raise it, and its decision right decides.`,
    { rule: 'own-experiment', cell: `cell:${cell}` },
  );
}
