import { SEVERITIES, TENSION_STATES, type Tension, type TensionOrigin } from '../../model/index.js';
import { column, rowCodec, type RowOf } from '../../store/index.js';
import { EvidenceList, Ratings, StringList } from '../stored-json.js';

const ORIGINS = ['person', 'detector'] as const satisfies readonly TensionOrigin[];

/** A tension's fields and the columns that hold them: the one description the row type and the codec come from. */
const TENSION_FIELDS = {
  id: column.text('id'),
  number: column.integer('number'),
  title: column.text('title'),
  description: column.optionalText('description'),
  type: column.text('type'),
  /** `tension_cells` indexes them. */
  cells: column.json('cells', StringList),
  severity: column.oneOf('severity', SEVERITIES),
  state: column.oneOf('state', TENSION_STATES),
  observedAt: column.text('observed_at'),
  raisedAt: column.text('raised_at'),
  updatedAt: column.text('updated_at'),
  raisedBy: column.text('raised_by'),
  raiserCell: column.optionalText('raiser_cell'),
  origin: column.oneOf('origin', ORIGINS),
  detector: column.optionalText('detector'),
  subject: column.optionalText('detector_subject'),
  occurrences: column.integer('occurrences'),
  lastOccurredAt: column.text('last_occurred_at'),
  evidence: column.json('evidence', EvidenceList),
  ratings: column.json('ratings', Ratings),
  ratedBy: column.optionalText('rated_by'),
  reopened: column.integer('reopened'),
  escalations: column.integer('escalations'),
  escalatedTo: column.optionalText('escalated_to'),
  reviewId: column.optionalText('review_id'),
  decidedAt: column.optionalText('decided_at'),
  resolvedAt: column.optionalText('resolved_at'),
  closedReason: column.optionalText('closed_reason'),
};

const codec = rowCodec('tensions', 'id', TENSION_FIELDS);

/** The `tensions` table, column by column (the migration that created it is governance-migration.ts). */
export type TensionsTable = RowOf<typeof TENSION_FIELDS>;

/** A row of `tensions`, read and checked into a Tension. */
export const tensionFromRow = (row: TensionsTable): Tension => codec.read(row);

/** A Tension as a row of `tensions`. */
export const tensionToRow = (tension: Tension): TensionsTable => codec.write(tension);

/** Fields a change may touch; `null` clears an optional one. */
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

/** The columns a change sets. */
export const tensionPatchToRow = (patch: TensionPatch): Partial<TensionsTable> => codec.writePatch(patch);
