import type { Score, ScorePart } from '../../model/index.js';
import { InputError } from '../../shared/index.js';

export type { Score, ScorePart } from '../../model/index.js';

/** Ratings run from 0 (does not matter for this criterion) to 5 (matters most). */
export const MAX_RATING = 5;

/** An organization criterion with its weight. */
export interface Criterion {
  name: string;
  weight: number;
}

/** Scores ratings by the organization's weighted criteria: the sum of rating × weight. */
export function scoreTension(ratings: Readonly<Record<string, number>>, criteria: readonly Criterion[]): Score {
  const parts = criteria.map((c): ScorePart => {
    const rating = ratings[c.name];
    return {
      criterion: c.name,
      ...(rating !== undefined ? { rating } : {}),
      weight: c.weight,
      points: round((rating ?? 0) * c.weight),
    };
  });
  const total = round(parts.reduce((sum, p) => sum + p.points, 0));
  const max = round(criteria.reduce((sum, c) => sum + c.weight * MAX_RATING, 0));
  const unrated = parts.filter((p) => p.rating === undefined).map((p) => p.criterion);
  const terms = parts.map((p) =>
    p.rating === undefined ? `${p.criterion} unrated` : `${p.criterion} ${p.rating} × ${p.weight} = ${p.points}`,
  );
  const explanation =
    criteria.length === 0 ? 'the organization defines no criteria' : `${terms.join(' + ')} → ${total} of ${max}`;
  return { total, max, share: max > 0 ? total / max : 0, parts, explanation, unrated };
}

/** Checks ratings against the organization's criteria and the 0–5 scale. */
export function validateRatings(
  ratings: Readonly<Record<string, unknown>>,
  criteria: readonly Criterion[],
): Record<string, number> {
  const names = criteria.map((c) => c.name);
  const out: Record<string, number> = {};
  if (Object.keys(ratings).length === 0)
    throw new InputError(`Rate at least one criterion: ${names.join(', ') || '(the organization defines none)'}.`, {
      field: 'ratings',
    });
  for (const [name, value] of Object.entries(ratings)) {
    if (!names.includes(name)) {
      throw new InputError(
        `"${name}" is not one of the organization's criteria (${names.join(', ') || 'none defined'}); rate those instead.`,
        {
          field: `ratings.${name}`,
        },
      );
    }
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_RATING) {
      throw new InputError(
        `The rating of ${name} is ${JSON.stringify(value)}; give a whole number from 0 to ${MAX_RATING}.`,
        { field: `ratings.${name}` },
      );
    }
    out[name] = value;
  }
  return out;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
