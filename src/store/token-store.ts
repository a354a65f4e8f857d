import type { Kysely, Selectable } from 'kysely';
import { ConflictError, NotFoundError } from '../shared/index.js';
import type { TokenRecord, TokenStore } from './ports.js';
import type { RepositoryContext } from './repository-context.js';
import type { Tables, TokensTable } from './tables.js';

function fromRow(row: Selectable<TokensTable>): TokenRecord {
  const record: TokenRecord = { id: row.id, admin: row.admin === 1, createdAt: row.created_at };
  if (row.cell !== null) record.cell = row.cell;
  if (row.member !== null) record.member = row.member;
  if (row.label !== null) record.label = row.label;
  if (row.revoked_at !== null) record.revokedAt = row.revoked_at;
  return record;
}

/** API tokens over one executor; the secret itself is never stored, only its hash. */
export function createTokenStore(db: Kysely<Tables>, context: RepositoryContext): TokenStore {
  return {
    async create({ id, hash, cell, member, admin, label }) {
      const row = {
        id,
        hash,
        cell: cell ?? null,
        member: member ?? null,
        admin: admin ? 1 : 0,
        label: label ?? null,
        created_at: context.clock.now().toISOString(),
        revoked_at: null,
      };
      try {
        await db.insertInto('tokens').values(row).execute();
      } catch (error) {
        if (!context.dialect.isUniqueViolation(error)) throw error;
        throw new ConflictError(
          `A token with id "${id}" or the same secret already exists; create the token again to get a new one.`,
          { id },
        );
      }
      return fromRow(row);
    },
    async findByHash(hash) {
      const row = await db.selectFrom('tokens').selectAll().where('hash', '=', hash).executeTakeFirst();
      return row && fromRow(row);
    },
    async list() {
      const rows = await db.selectFrom('tokens').selectAll().orderBy('created_at').orderBy('id').execute();
      return rows.map(fromRow);
    },
    async revoke(id) {
      // Revoking twice keeps the first time.
      const result = await db
        .updateTable('tokens')
        .set({ revoked_at: context.clock.now().toISOString() })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (result.numUpdatedRows > 0n) return;
      const exists = await db.selectFrom('tokens').select('id').where('id', '=', id).executeTakeFirst();
      if (!exists)
        throw new NotFoundError(`There is no token with id "${id}"; \`cello token list\` shows the ids.`, { id });
    },
  };
}
