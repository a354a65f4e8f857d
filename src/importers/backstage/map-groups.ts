import path from 'node:path';
import type { Finding } from '../../manifests/index.js';
import type { ManifestOf, Member } from '../../model/index.js';
import { celloName } from '../cello-name.js';
import type { ImportedManifest } from '../imported-manifest.js';
import { SOURCE_LABEL, importedOrganization } from '../imported-organization.js';
import { importFinding } from '../import-rules.js';
import { appendItem, type ManifestDraft } from '../manifest-draft.js';
import { entityName, isRecord, type CatalogEntity } from './catalog-entity.js';
import type { CatalogIndex } from './catalog-index.js';
import type { TeamCells } from './team-cells.js';

/** Labels that keep the group hierarchy a cell sat in. */
export const PARENT_GROUP_LABEL = 'cello.dev/parent-group';
export const GROUP_PATH_LABEL = 'cello.dev/group-path';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What the groups and users of a catalog become: a cell per team with members, and the organization. */
export interface MappedGroups {
  teams: TeamCells;
  cells: Map<string, ManifestDraft<ManifestOf<'Cell'>>>;
  organization?: ImportedManifest;
  findings: Finding[];
}

/** Groups of type team → cells (members from Users' memberOf and the group's spec.members); organization → Organization. */
export function mapGroups(index: CatalogIndex, describe: Describe): MappedGroups {
  const findings: Finding[] = [];
  const groups = index.ofKind('Group');
  const membersOf = new Map<string, CatalogEntity[]>();
  const teamsOfUser = new Map<string, string[]>();
  const join = (group: CatalogEntity, user: CatalogEntity) => {
    const members = membersOf.get(group.ref) ?? [];
    if (members.includes(user)) return;
    membersOf.set(group.ref, [...members, user]);
    if (isTeam(group)) teamsOfUser.set(user.ref, [...(teamsOfUser.get(user.ref) ?? []), group.ref]);
  };
  for (const group of groups) {
    listOf(group.spec.members).forEach((value, i) => {
      const { ref, entity } = index.resolve(group, value, 'user');
      if (entity?.kind.toLowerCase() === 'user') join(group, entity);
      else findings.push(unresolved(index, group, ['spec', 'members', i], ref ?? String(value), 'a member'));
    });
  }
  for (const user of index.ofKind('User')) {
    listOf(user.spec.memberOf).forEach((value, i) => {
      const { ref, entity } = index.resolve(user, value, 'group');
      if (entity?.kind.toLowerCase() === 'group') join(entity, user);
      else findings.push(unresolved(index, user, ['spec', 'memberOf', i], ref ?? String(value), 'a group'));
    });
  }

  const cellOfGroup = new Map<string, string>();
  const cells = new Map<string, ManifestDraft<ManifestOf<'Cell'>>>();
  for (const group of groups.filter(isTeam)) {
    const name = entityName(group);
    if (cells.has(name)) {
      findings.push(clash(index, group, `cell "${name}"`));
      continue;
    }
    const users = membersOf.get(group.ref) ?? [];
    if (users.length === 0) {
      findings.push(
        importFinding(
          'team-without-members',
          index.where(group, ['metadata', 'name']),
          `Group "${group.name}" is a team without members, so it did not become a cell (a cell has at least one member); what it owns is imported without an owner.`,
          `add Users with memberOf: [${group.name}] (or spec.members on the group) and import again`,
          { kind: 'Group', name: group.name },
        ),
      );
      continue;
    }
    cellOfGroup.set(group.ref, name);
    cells.set(name, teamCell(name, group, users, index, describe, findings));
  }

  const organizations = groups.filter((g) => g.spec.type === 'organization');
  const [top, ...others] = organizations;
  for (const other of others) {
    findings.push(
      importFinding(
        'organization-skipped',
        index.where(other, ['spec', 'type']),
        `Group "${other.name}" is a second Group of type organization; the organization is "${top!.name}".`,
        'import one organization per folder',
        { kind: 'Group', name: other.name },
      ),
    );
  }
  const organization = top
    ? importedOrganization({
        name: celloName(top.name)!,
        ...(displayName(top) ? { title: displayName(top)! } : {}),
        ...(typeof top.metadata.description === 'string' ? { description: top.metadata.description } : {}),
        source: `backstage ${top.ref}`,
        origin: `${top.ref} metadata.description`,
        header: describe(top),
      })
    : undefined;
  return {
    teams: { cellOf: (ref) => cellOfGroup.get(ref), teamsOf: (ref) => teamsOfUser.get(ref) ?? [] },
    cells,
    ...(organization ? { organization } : {}),
    findings,
  };
}

/** The header of a file written from an entity: which entity, in which file, and how re-import treats edits. */
export type Describe = (entity: CatalogEntity) => string;

/** `Imported by cello import backstage from group:default/team-a (acme/team-a-group.yaml:1). …` */
export function describeEntity(cwd: string): Describe {
  return (entity) => {
    const file = /^https?:/.test(entity.source.file)
      ? entity.source.file
      : path.relative(cwd, entity.source.file).split(path.sep).join('/');
    return [
      `Imported by \`cello import backstage\` from ${entity.ref} (${file}:${entity.source.start.line}).`,
      'Importing again updates what Backstage changed and keeps what you changed here (.cello-import/backstage.json).',
    ].join('\n');
  };
}

function teamCell(
  name: string,
  group: CatalogEntity,
  users: CatalogEntity[],
  index: CatalogIndex,
  describe: Describe,
  findings: Finding[],
): ManifestDraft<ManifestOf<'Cell'>> {
  const parents = parentChain(group, index);
  const title = displayName(group);
  const description = typeof group.metadata.description === 'string' ? group.metadata.description.trim() : '';
  const draft: ManifestDraft<ManifestOf<'Cell'>> = {
    file: `cells/${name}.yaml`,
    header: describe(group),
    manifest: {
      apiVersion: 'cello/v1',
      kind: 'Cell',
      metadata: {
        name,
        ...(title ? { title } : {}),
        labels: {
          [SOURCE_LABEL]: `backstage ${group.ref}`,
          ...(parents[0] ? { [PARENT_GROUP_LABEL]: parents[0].name } : {}),
          ...(parents.length
            ? {
                [GROUP_PATH_LABEL]: [...parents]
                  .reverse()
                  .map((p) => p.name)
                  .join('/')
                  .slice(0, 200),
              }
            : {}),
        },
      },
      spec: {
        type: 'stream-aligned',
        purpose: description || title || 'The purpose was not recorded in Backstage; say why this cell exists.',
        members: [],
      },
    },
    notes: [
      { path: ['metadata', 'title'], note: `from ${group.ref} spec.profile.displayName` },
      {
        path: ['spec', 'type'],
        note: 'assumed: Backstage has no Team Topologies type; set stream-aligned, platform, enabling or complicated-subsystem',
      },
      {
        path: ['spec', 'purpose'],
        note: description ? `from ${group.ref} metadata.description` : 'not in Backstage: write the purpose',
      },
    ],
  };
  if (parents.length)
    draft.notes.push({ path: ['metadata', 'labels', PARENT_GROUP_LABEL], note: `from ${group.ref} spec.parent` });
  draft.notes.push({
    path: ['spec', 'members'],
    note: `from the Users whose memberOf names ${group.ref}, and its spec.members; roles are assumed (Backstage has none): the first member facilitates until the cell decides otherwise`,
  });
  const seen = new Map<string, CatalogEntity>();
  for (const user of users) {
    const profile = isRecord(user.spec.profile) ? user.spec.profile : {};
    const email =
      typeof profile.email === 'string' && EMAIL.test(profile.email.trim()) ? profile.email.trim() : undefined;
    const shown = displayName(user);
    const key = (email ?? shown ?? user.name).toLowerCase();
    const first = seen.get(key);
    if (first) {
      findings.push(
        importFinding(
          'member-duplicate',
          index.where(user, ['metadata', 'name']),
          `User "${user.namespace}/${user.name}" has the same ${email ? 'e-mail' : 'name'} as ${first.ref} and is listed once in cell ${name}.`,
          'if they are two people, give each their own e-mail address in spec.profile.email',
          { kind: 'User', name: user.name },
        ),
      );
      continue;
    }
    seen.set(key, user);
    const member: Member = {
      name: shown ?? user.name,
      ...(email ? { email } : {}),
      roles: draft.manifest.spec.members.length === 0 ? ['facilitator'] : ['member'],
    };
    appendItem(draft, ['spec', 'members'], member, [
      { path: ['name'], note: `from ${user.ref} ${shown ? 'spec.profile.displayName' : 'metadata.name'}` },
      ...(email ? [{ path: ['email'], note: `from ${user.ref} spec.profile.email` }] : []),
    ]);
  }
  return draft;
}

/** Parent groups, nearest first; stops at a loop. */
function parentChain(group: CatalogEntity, index: CatalogIndex): CatalogEntity[] {
  const chain: CatalogEntity[] = [];
  for (let current = group; ;) {
    const parent = index.resolve(current, current.spec.parent, 'group').entity;
    if (!parent || parent === group || chain.includes(parent)) return chain;
    chain.push(parent);
    current = parent;
  }
}

function isTeam(group: CatalogEntity): boolean {
  return typeof group.spec.type === 'string' && group.spec.type.toLowerCase() === 'team';
}

function displayName(entity: CatalogEntity): string | undefined {
  const profile = isRecord(entity.spec.profile) ? entity.spec.profile : {};
  const name = typeof profile.displayName === 'string' ? profile.displayName.trim() : '';
  return name ? name.slice(0, 200) : undefined;
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function unresolved(
  index: CatalogIndex,
  entity: CatalogEntity,
  at: (string | number)[],
  ref: string,
  what: string,
): Finding {
  return importFinding(
    'ref-unresolved',
    index.where(entity, at),
    `${entity.kind} "${entity.name}" names ${ref} as ${what}, but no such entity was imported; the reference was skipped.`,
    'fix the reference, or import the file that defines it',
    { kind: entity.kind, name: entity.name },
  );
}

/** Two entities that become the same Cello name: the second is skipped. */
export function clash(index: CatalogIndex, entity: CatalogEntity, what: string): Finding {
  return importFinding(
    'name-clash',
    index.where(entity, ['metadata', 'name']),
    `${entity.kind} "${entity.namespace}/${entity.name}" would become ${what}, which an entity imported earlier already became; it was skipped.`,
    'rename one of them in the catalog (Cello names are lower-case, with dashes for . and _, and prefixed by a namespace other than default)',
    { kind: entity.kind, name: entity.name },
  );
}
