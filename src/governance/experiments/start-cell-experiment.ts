import { describePrincipal } from '../../model/index.js';
import { ConflictError, InputError } from '../../shared/index.js';
import { assertOwnExperiment } from '../access-checks.js';
import type { Experiment, Principal, Evidence } from '../../model/index.js';
import { MAX_EVIDENCE, parseEvidence } from '../tensions/evidence.js';
import type { GovernanceContext } from '../governance-context.js';
import { resolveDate } from '../decisions/outcome-input.js';
import { insertExperiment } from './start-experiment.js';

/** What a cell sends to start an experiment of its own. */
export interface CellExperimentInput {
  /** The cell that chooses the experiment and runs it (`credit` or `cell:credit`). */
  cell: string;
  /** What it is about, e.g. the title of the recommendation it follows. */
  title: string;
  move: string;
  metric: string;
  /** `YYYY-MM-DD` or a duration from now (`2w`); two weeks when absent. */
  reviewDate?: string;
  evidence?: (string | Evidence)[];
  /** The recommendation it follows (`R-3`): a recommendation starts one experiment, however often it is sent. */
  recommendation?: string;
  /** Who chose it, in words, when a Cello component starts it for the cell (insights: who accepted); ignored for a cell's token. */
  startedBy?: string;
}

function text(value: string | undefined, field: string, max: number, what: string): string {
  const trimmed = (value ?? '').trim();
  if (!trimmed || trimmed.length > max)
    throw new InputError(`An experiment needs ${field}: ${what}, 1 to ${max} characters.`, { field });
  return trimmed;
}

/**
 * Starts an experiment a cell chose for itself: no tension and no decision right, because the move concerns only
 * that cell's own work (ARCHITECTURE.md). Recorded like a decided one: a row in `experiments` and
 * `ExperimentStarted`, in one transaction; it comes back to the review on its review date.
 */
export async function startCellExperiment(
  ctx: GovernanceContext,
  principal: Principal,
  input: CellExperimentInput,
): Promise<Experiment> {
  const cell = (input.cell ?? '').trim().replace(/^cell:/, '');
  assertOwnExperiment(principal, cell);
  const known = [...ctx.model().cells.keys()].sort();
  if (!known.includes(cell)) {
    throw new InputError(
      `cell:${cell} is not in the applied organization (known: ${known.join(', ') || 'none'}); an experiment is run by one of its cells.`,
      { field: 'cell', value: input.cell },
    );
  }
  const now = ctx.now();
  const today = now.toISOString().slice(0, 10);
  const reviewDate =
    input.reviewDate === undefined ? undefined : resolveDate(input.reviewDate.trim(), now, 'reviewDate');
  if (reviewDate !== undefined && reviewDate < today) {
    throw new InputError(
      `reviewDate ${reviewDate} has passed; give a date from ${today} on, or a duration from now such as 2w.`,
      { field: 'reviewDate', value: input.reviewDate },
    );
  }
  const recommendation =
    input.recommendation === undefined
      ? undefined
      : text(input.recommendation, 'recommendation', 100, 'the id of the recommendation it follows');
  const evidence = (input.evidence ?? []).map(parseEvidence).slice(0, MAX_EVIDENCE);
  const fields = {
    cell,
    title: text(input.title, 'a title', 500, 'what it is about'),
    move: text(input.move, 'a move', 1000, 'what the cell tries'),
    metric: text(input.metric, 'a metric', 1000, 'what it watches to judge the move'),
    startedBy:
      principal.kind === 'system' && input.startedBy?.trim() ? input.startedBy.trim() : describePrincipal(principal),
    ...(recommendation ? { recommendation } : {}),
    ...(evidence.length > 0 ? { evidence } : {}),
    ...(reviewDate ? { reviewDate } : {}),
  };

  return ctx.record(async (repos) => {
    // Accepting again, or a retry after the acceptance failed to record, finds the experiment already started.
    const [existing] = recommendation ? await repos.records.experiments({ recommendation }) : [];
    if (existing) {
      if (existing.cell !== cell) {
        throw new ConflictError(
          `Recommendation ${recommendation} already started experiment ${existing.id}${existing.cell ? ` of cell:${existing.cell}` : ''}; cell:${cell} cannot start another from it.`,
          {
            recommendation,
            experiment: existing.id,
          },
        );
      }
      return { result: existing, events: [] };
    }
    const { experiment, event } = await insertExperiment(repos, now, fields);
    return { result: experiment, events: [event] };
  });
}
