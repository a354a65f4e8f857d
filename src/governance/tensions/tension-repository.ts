import type { Selectable } from 'kysely';
import { NotFoundError } from '../../shared/index.js';
import { chunk, enumColumn } from '../../store/index.js';
import type { GovernanceDb } from '../governance-db.js';
import type { TensionNotesTable } from '../governance-tables.js';
import type { Tension, TensionNote, TensionState } from '../../model/index.js';
import { tensionFromRow, tensionPatchToRow, tensionToRow, type TensionPatch } from './tension-row.js';

export type { TensionPatch } from './tension-row.js';

export interface TensionFilter {
  states?: TensionState[];
  type?: string;
  cell?: string;
  limit?: number;
}

/** Tensions, their cells and notes over one executor (the root database or a transaction). */
export function tensionRepository(db: GovernanceDb, lockRows = false) {
  /** Notes of many tensions at once (agenda planning), oldest first per tension. */
  async function notesOf(ids: readonly string[]): Promise<Map<string, TensionNote[]>> {
    const out = new Map<string, TensionNote[]>();
    for (const part of chunk(ids)) {
      const rows = await db
        .selectFrom('tension_notes')
        .selectAll()
        .where('tension_id', 'in', part)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      for (const note of rows.map(toNote)) out.set(note.tensionId, [...(out.get(note.tensionId) ?? []), note]);
    }
    return out;
  }

  return {
    /** `lock`: hold the row until the transaction ends (where several processes share the store). */
    async get(id: string, options: { lock?: boolean } = {}): Promise<Tension> {
      let query = db.selectFrom('tensions').selectAll().where('id', '=', normalizeTensionId(id));
      if (options.lock && lockRows) query = query.forUpdate();
      const row = await query.executeTakeFirst();
      if (!row)
        throw new NotFoundError(`There is no tension "${id}"; list them with \`cello tension list\`.`, {
          field: 'id',
          value: id,
        });
      return tensionFromRow(row);
    },
    async byDetector(
      detector: string,
      subject: string,
      options: { lock?: boolean } = {},
    ): Promise<Tension | undefined> {
      let query = db
        .selectFrom('tensions')
        .selectAll()
        .where('detector', '=', detector)
        .where('detector_subject', '=', subject);
      if (options.lock && lockRows) query = query.forUpdate();
      const row = await query.executeTakeFirst();
      return row && tensionFromRow(row);
    },
    async ofDetector(detector: string, states: TensionState[]): Promise<Tension[]> {
      const rows = await db
        .selectFrom('tensions')
        .selectAll()
        .where('detector', '=', detector)
        .where('state', 'in', states)
        .execute();
      return rows.map(tensionFromRow);
    },
    async list(filter: TensionFilter = {}): Promise<Tension[]> {
      let query = db.selectFrom('tensions').selectAll('tensions');
      if (filter.states?.length) query = query.where('state', 'in', filter.states);
      if (filter.type) query = query.where('type', '=', filter.type);
      if (filter.cell) {
        const cell = filter.cell.replace(/^cell:/, '');
        query = query.where('id', 'in', db.selectFrom('tension_cells').select('tension_id').where('cell', '=', cell));
      }
      const rows = await query
        .orderBy('number')
        .limit(filter.limit ?? 500)
        .execute();
      return rows.map(tensionFromRow);
    },
    async all(): Promise<Tension[]> {
      return (await db.selectFrom('tensions').selectAll().orderBy('number').execute()).map(tensionFromRow);
    },
    async insert(t: Tension): Promise<void> {
      await db.insertInto('tensions').values(tensionToRow(t)).execute();
      if (t.cells.length > 0)
        await db
          .insertInto('tension_cells')
          .values(t.cells.map((cell) => ({ tension_id: t.id, cell })))
          .execute();
    },
    async update(id: string, patch: TensionPatch): Promise<void> {
      await db.updateTable('tensions').set(tensionPatchToRow(patch)).where('id', '=', id).execute();
    },
    async notes(id: string): Promise<TensionNote[]> {
      return (await notesOf([id])).get(id) ?? [];
    },
    notesOf,
    /** Puts tensions on a review's agenda, in one statement. */
    async schedule(ids: readonly string[], reviewId: string, at: string): Promise<void> {
      for (const part of chunk(ids))
        await db
          .updateTable('tensions')
          .set({ state: 'scheduled', review_id: reviewId, updated_at: at })
          .where('id', 'in', part)
          .execute();
    },
    /** Takes tensions still scheduled in a review back to open; returns their ids. */
    async unschedule(reviewId: string, ids: readonly string[] | undefined, at: string): Promise<string[]> {
      let query = db
        .selectFrom('tensions')
        .select('id')
        .where('state', '=', 'scheduled')
        .where('review_id', '=', reviewId);
      if (ids) query = query.where('id', 'in', ids.length ? [...ids] : ['']);
      const found = (await query.execute()).map((r) => r.id);
      for (const part of chunk(found))
        await db
          .updateTable('tensions')
          .set({ state: 'open', review_id: null, updated_at: at })
          .where('id', 'in', part)
          .execute();
      return found;
    },
    async addNote(note: TensionNote): Promise<void> {
      await db
        .insertInto('tension_notes')
        .values({
          id: note.id,
          tension_id: note.tensionId,
          kind: note.kind,
          author: note.author,
          author_cell: note.authorCell ?? null,
          body: note.body,
          created_at: note.createdAt,
        })
        .execute();
    },
  };
}

export type TensionRepository = ReturnType<typeof tensionRepository>;

const noteKind = enumColumn<TensionNote['kind']>(['comment', 'advice']);

function toNote(r: Selectable<TensionNotesTable>): TensionNote {
  return {
    id: r.id,
    tensionId: r.tension_id,
    kind: noteKind(r.kind, `tension_notes.kind of ${r.id}`),
    author: r.author,
    ...(r.author_cell ? { authorCell: r.author_cell } : {}),
    body: r.body,
    createdAt: r.created_at,
  };
}

/** `T-3`, `t-3` and `3` all name tension T-3. */
export function normalizeTensionId(id: string): string {
  const match = /^(?:t-)?(\d+)$/i.exec(id.trim());
  return match ? `T-${Number(match[1])}` : id.trim();
}
