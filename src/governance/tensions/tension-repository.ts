import type { Selectable } from 'kysely';
import { NotFoundError } from '../../shared/index.js';
import { defined, parseJson, type GovernanceDb } from '../governance-db.js';
import type { TensionNotesTable, TensionsTable } from '../governance-tables.js';
import type { Severity, Tension, TensionNote, TensionState } from '../../model/index.js';

export interface TensionFilter {
  states?: TensionState[];
  type?: string;
  cell?: string;
  limit?: number;
}

function toTension(row: Selectable<TensionsTable>): Tension {
  return {
    id: row.id,
    number: Number(row.number),
    title: row.title,
    type: row.type,
    cells: parseJson<string[]>(row.cells, []),
    severity: row.severity as Severity,
    state: row.state as TensionState,
    observedAt: row.observed_at,
    raisedAt: row.raised_at,
    updatedAt: row.updated_at,
    raisedBy: row.raised_by,
    origin: row.origin as Tension['origin'],
    occurrences: Number(row.occurrences),
    lastOccurredAt: row.last_occurred_at,
    evidence: parseJson(row.evidence, []),
    ratings: parseJson(row.ratings, {}),
    reopened: Number(row.reopened),
    escalations: Number(row.escalations),
    ...(defined({
      description: row.description,
      raiserCell: row.raiser_cell,
      detector: row.detector,
      subject: row.detector_subject,
      ratedBy: row.rated_by,
      escalatedTo: row.escalated_to,
      reviewId: row.review_id,
      decidedAt: row.decided_at,
      resolvedAt: row.resolved_at,
      closedReason: row.closed_reason,
    }) as Partial<Tension>),
  };
}

/** Fields a change may touch. */
export type TensionPatch = Partial<
  Pick<
    Tension,
    | 'title'
    | 'description'
    | 'severity'
    | 'state'
    | 'updatedAt'
    | 'observedAt'
    | 'occurrences'
    | 'lastOccurredAt'
    | 'evidence'
    | 'ratings'
    | 'ratedBy'
    | 'reopened'
    | 'escalations'
  >
> & {
  escalatedTo?: string | null;
  reviewId?: string | null;
  decidedAt?: string | null;
  resolvedAt?: string | null;
  closedReason?: string | null;
};

/** Tensions, their cells and notes over one executor (the root database or a transaction). */
export function tensionRepository(db: GovernanceDb, lockRows = false) {
  /** Notes of many tensions at once (agenda planning), oldest first per tension. */
  async function notesOf(ids: readonly string[]): Promise<Map<string, TensionNote[]>> {
    const out = new Map<string, TensionNote[]>();
    for (const chunk of chunks(ids)) {
      const rows = await db
        .selectFrom('tension_notes')
        .selectAll()
        .where('tension_id', 'in', chunk)
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
      return toTension(row);
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
      return row && toTension(row);
    },
    async ofDetector(detector: string, states: TensionState[]): Promise<Tension[]> {
      const rows = await db
        .selectFrom('tensions')
        .selectAll()
        .where('detector', '=', detector)
        .where('state', 'in', states)
        .execute();
      return rows.map(toTension);
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
      return rows.map(toTension);
    },
    async all(): Promise<Tension[]> {
      return (await db.selectFrom('tensions').selectAll().orderBy('number').execute()).map(toTension);
    },
    async insert(t: Tension): Promise<void> {
      await db
        .insertInto('tensions')
        .values({
          id: t.id,
          number: t.number,
          title: t.title,
          description: t.description ?? null,
          type: t.type,
          cells: JSON.stringify(t.cells),
          severity: t.severity,
          state: t.state,
          observed_at: t.observedAt,
          raised_at: t.raisedAt,
          updated_at: t.updatedAt,
          raised_by: t.raisedBy,
          raiser_cell: t.raiserCell ?? null,
          origin: t.origin,
          detector: t.detector ?? null,
          detector_subject: t.subject ?? null,
          occurrences: t.occurrences,
          last_occurred_at: t.lastOccurredAt,
          evidence: JSON.stringify(t.evidence),
          ratings: JSON.stringify(t.ratings),
          rated_by: t.ratedBy ?? null,
          reopened: 0,
          escalations: 0,
          escalated_to: null,
          review_id: null,
          decided_at: null,
          resolved_at: null,
          closed_reason: null,
        })
        .execute();
      if (t.cells.length > 0)
        await db
          .insertInto('tension_cells')
          .values(t.cells.map((cell) => ({ tension_id: t.id, cell })))
          .execute();
    },
    async update(id: string, patch: TensionPatch): Promise<void> {
      const set: Record<string, unknown> = {};
      const columns: Record<string, string> = {
        title: 'title',
        description: 'description',
        severity: 'severity',
        state: 'state',
        updatedAt: 'updated_at',
        observedAt: 'observed_at',
        occurrences: 'occurrences',
        lastOccurredAt: 'last_occurred_at',
        ratedBy: 'rated_by',
        reopened: 'reopened',
        escalations: 'escalations',
        escalatedTo: 'escalated_to',
        reviewId: 'review_id',
        decidedAt: 'decided_at',
        resolvedAt: 'resolved_at',
        closedReason: 'closed_reason',
      };
      for (const [key, column] of Object.entries(columns))
        if (key in patch) set[column] = (patch as Record<string, unknown>)[key] ?? null;
      if (patch.evidence) set.evidence = JSON.stringify(patch.evidence);
      if (patch.ratings) set.ratings = JSON.stringify(patch.ratings);
      await db.updateTable('tensions').set(set).where('id', '=', id).execute();
    },
    async notes(id: string): Promise<TensionNote[]> {
      return (await notesOf([id])).get(id) ?? [];
    },
    notesOf,
    /** Puts tensions on a review's agenda, in one statement. */
    async schedule(ids: readonly string[], reviewId: string, at: string): Promise<void> {
      for (const chunk of chunks(ids))
        await db
          .updateTable('tensions')
          .set({ state: 'scheduled', review_id: reviewId, updated_at: at })
          .where('id', 'in', chunk)
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
      for (const chunk of chunks(found))
        await db
          .updateTable('tensions')
          .set({ state: 'open', review_id: null, updated_at: at })
          .where('id', 'in', chunk)
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

function toNote(r: Selectable<TensionNotesTable>): TensionNote {
  return {
    id: r.id,
    tensionId: r.tension_id,
    kind: r.kind as TensionNote['kind'],
    author: r.author,
    ...(r.author_cell ? { authorCell: r.author_cell } : {}),
    body: r.body,
    createdAt: r.created_at,
  };
}

/** Lists bound the number of SQL parameters per statement. */
function chunks<T>(items: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** `T-3`, `t-3` and `3` all name tension T-3. */
export function normalizeTensionId(id: string): string {
  const match = /^(?:t-)?(\d+)$/i.exec(id.trim());
  return match ? `T-${Number(match[1])}` : id.trim();
}
