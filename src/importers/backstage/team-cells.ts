import type { Finding } from '../../manifests/index.js';
import type { CatalogEntity } from './catalog-entity.js';
import type { CatalogIndex } from './catalog-index.js';
import { importFinding } from '../import-rules.js';

/** Which teams became cells, who is in them, and who owns what. */
export interface TeamCells {
  /** The cell a team group became, by the group's ref. */
  cellOf(groupRef: string): string | undefined;
  /** Refs of the team groups a user is a member of. */
  teamsOf(userRef: string): string[];
}

/** An owner resolved to a cell (with how, when it was indirect), or why it could not be. */
export type ResolvedOwner = { cell: string; via?: string } | { problem: string; hint: string };

/**
 * The cell that owns an entity, from `spec.owner` (a group by default): a team group that became a cell, or a
 * user who is a member of exactly one such team. Anything else is a problem: organization and department groups
 * are not teams, and a user in several teams (or none) does not say which team answers.
 */
export function resolveOwner(entity: CatalogEntity, index: CatalogIndex, teams: TeamCells): ResolvedOwner {
  const value = entity.spec.owner;
  const { ref, entity: owner } = index.resolve(entity, value, 'group');
  const written = JSON.stringify(value ?? null);
  if (!ref) return { problem: `has no usable spec.owner (${written})`, hint: 'set spec.owner to a team, e.g. team-a' };
  if (!owner) {
    const asUser = ref.startsWith('group:') ? index.get(ref.replace(/^group:/, 'user:')) : undefined;
    return {
      problem: `is owned by ${ref}, which is not defined in what was imported`,
      hint: asUser
        ? `${written} is a User here: write spec.owner: user:${asUser.name}, or name the user's team`
        : `import the file that defines ${ref} (a Group of spec.type team with members), or set spec.owner to an imported team`,
    };
  }
  if (owner.kind.toLowerCase() === 'group') {
    const cell = teams.cellOf(owner.ref);
    if (cell) return { cell };
    const type = typeof owner.spec.type === 'string' ? owner.spec.type : 'unknown';
    return {
      problem:
        type === 'team'
          ? `is owned by ${ref}, a team that did not become a cell (see its own finding)`
          : `is owned by ${ref}, a Group of type ${type}, not a team`,
      hint: 'set spec.owner to the team that answers for it, or add it to that cell by hand after the import',
    };
  }
  if (owner.kind.toLowerCase() === 'user') {
    const cells = teams.teamsOf(owner.ref).flatMap((g) => teams.cellOf(g) ?? []);
    if (cells.length === 1) return { cell: cells[0]!, via: `${ref}, a member of ${cells[0]}` };
    return {
      problem: `is owned by ${ref}, a person in ${cells.length === 0 ? 'no imported team' : `${cells.length} teams (${cells.join(', ')})`}`,
      hint: 'in Cello a team owns things: set spec.owner to the team that answers for it',
    };
  }
  return {
    problem: `is owned by ${ref}, which is neither a Group nor a User`,
    hint: 'set spec.owner to a team group',
  };
}

/** The finding for an owner that did not resolve: `skipped` when the entity was left out because of it. */
export function ownerFinding(
  entity: CatalogEntity,
  index: CatalogIndex,
  owner: { problem: string; hint: string },
  outcome: string,
  severity: 'error' | 'warning' = 'warning',
): Finding {
  return importFinding(
    'owner-unresolved',
    index.where(entity, entity.spec.owner === undefined ? ['spec'] : ['spec', 'owner']),
    `${entity.kind} "${entity.name}" ${owner.problem}; ${outcome}.`,
    owner.hint,
    { kind: entity.kind, name: entity.name, severity },
  );
}
