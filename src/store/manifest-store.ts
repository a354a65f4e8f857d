import type { Kysely, Selectable } from 'kysely';
import type { Manifest, ManifestKind } from '../model/index.js';
import { NotFoundError } from '../shared/index.js';
import type { ManifestStore, ManifestVersion } from './ports.js';
import { inTransaction, type RepositoryContext } from './repository-context.js';
import type { ManifestVersionsTable, Tables } from './tables.js';

function fromRow(row: Selectable<ManifestVersionsTable>): ManifestVersion {
  return {
    kind: row.kind,
    name: row.name,
    version: row.version,
    // Validated when applied; the store trusts its own rows.
    manifest: JSON.parse(row.manifest) as Manifest,
    hash: row.hash,
    appliedAt: row.applied_at,
    removed: row.removed === 1,
  };
}

/** Each manifest's latest version, with the whole row. */
function selectHeads(db: Kysely<Tables>) {
  return db
    .selectFrom('manifest_heads as h')
    .innerJoin('manifest_versions as v', (join) =>
      join.onRef('v.kind', '=', 'h.kind').onRef('v.name', '=', 'h.name').onRef('v.version', '=', 'h.version'),
    )
    .selectAll('v');
}

/** Versioned manifests over one executor. `manifest_heads` points at each manifest's latest version. */
export function createManifestStore(db: Kysely<Tables>, context: RepositoryContext): ManifestStore {
  return {
    async current(kind) {
      let select = selectHeads(db).where('h.removed', '=', 0);
      if (kind) select = select.where('h.kind', '=', kind);
      const rows = await select.orderBy('v.kind').orderBy('v.name').execute();
      return rows.map(fromRow);
    },
    async get(kind, name) {
      const row = await selectHeads(db)
        .where('h.kind', '=', kind)
        .where('h.name', '=', name)
        .where('h.removed', '=', 0)
        .executeTakeFirst();
      return row && fromRow(row);
    },
    async history(kind, name) {
      const rows = await db
        .selectFrom('manifest_versions')
        .selectAll()
        .where('kind', '=', kind)
        .where('name', '=', name)
        .orderBy('version')
        .execute();
      return rows.map(fromRow);
    },
    put: (kind, name, manifest, hash) =>
      inTransaction(db, (tx) => putVersion(tx, context, { kind, name, manifest, hash })),
  };
}

interface PutRequest {
  kind: ManifestKind;
  name: string;
  manifest: Manifest | null;
  hash: string;
}

async function putVersion(
  tx: Kysely<Tables>,
  context: RepositoryContext,
  { kind, name, manifest, hash }: PutRequest,
): Promise<number> {
  const head = await selectHeads(tx).where('h.kind', '=', kind).where('h.name', '=', name).executeTakeFirst();
  const live = head !== undefined && head.removed === 0 ? head : undefined;
  if (manifest === null && !live) {
    throw new NotFoundError(
      `There is no current ${kind} "${name}" to remove; \`cello history ${kind.toLowerCase()}:${name}\` shows what it was.`,
      {
        kind,
        name,
      },
    );
  }
  // Applying the same content again writes nothing.
  if (manifest !== null && live?.hash === hash) return live.version;
  const removed = manifest === null ? 1 : 0;
  // Taking the next number is one atomic upsert, so concurrent applies never pick the same version.
  const { version } = await tx
    .insertInto('manifest_heads')
    .values({ kind, name, version: 1, removed })
    .onConflict((oc) =>
      oc
        .columns(['kind', 'name'])
        .doUpdateSet((eb) => ({ version: eb(eb.ref('manifest_heads.version'), '+', 1), removed })),
    )
    .returning('version')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('manifest_versions')
    .values({
      kind,
      name,
      version,
      manifest: manifest === null ? live!.manifest : JSON.stringify(manifest),
      hash,
      applied_at: context.clock.now().toISOString(),
      removed,
    })
    .execute();
  return version;
}
