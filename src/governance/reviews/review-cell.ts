import type { OrgModel } from '../../manifests/index.js';
import { InputError } from '../../shared/index.js';
import { facilitatorsOf } from '../access-checks.js';

/**
 * The cell whose facilitator runs a review: the one asked for, else the configured one (or the one that held the
 * last review), else the only cell with a facilitator. With `required`, no answer is an InputError that lists the candidates.
 */
export function resolveReviewCell(
  model: OrgModel,
  requested: string | undefined,
  configured: string | undefined,
  required: true,
): string;
export function resolveReviewCell(
  model: OrgModel,
  requested: string | undefined,
  configured: string | undefined,
  required: boolean,
): string | undefined;
export function resolveReviewCell(
  model: OrgModel,
  requested: string | undefined,
  configured: string | undefined,
  required: boolean,
): string | undefined {
  const named = (requested ?? configured)?.replace(/^cell:/, '');
  if (named) {
    if (!model.cells.has(named)) {
      throw new InputError(
        `There is no cell "${named}" to hold the review (known: ${[...model.cells.keys()].sort().join(', ') || 'none'}).`,
        { field: 'cell', value: named },
      );
    }
    return named;
  }
  const candidates = [...model.cells.keys()].filter((c) => facilitatorsOf(model, c).length > 0).sort();
  if (candidates.length === 1) return candidates[0];
  if (!required) return undefined;
  throw new InputError(
    candidates.length === 0
      ? 'No cell has a member with the facilitator role, so nobody can run the review; give one member of the hosting cell roles: [facilitator] and apply.'
      : `Say which cell holds the review (--cell): ${candidates.map((c) => `cell:${c}`).join(', ')} each have a facilitator.`,
    { field: 'cell', candidates },
  );
}
