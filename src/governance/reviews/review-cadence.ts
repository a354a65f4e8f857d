import { Cron } from 'croner';
import type { OrganizationSpec } from '../../model/index.js';
import { InputError } from '../../shared/index.js';

/** When the next review falls on the organization's cadence (a cron expression, in its timezone, default UTC). */
export function nextReviewAt(review: OrganizationSpec['review'], after: Date): Date {
  let cron: Cron;
  try {
    cron = new Cron(review.cadence, { timezone: review.timezone ?? 'Etc/UTC', paused: true });
  } catch (error) {
    throw new InputError(
      `The review cadence "${review.cadence}" is not a cron expression (${error instanceof Error ? error.message : String(error)}); write it like "0 14 * * 3" for Wednesdays at 14:00.`,
      { field: 'spec.review.cadence' },
    );
  }
  const next = cron.nextRun(after);
  if (!next)
    throw new InputError(
      `The review cadence "${review.cadence}" never comes round again after ${after.toISOString()}.`,
      { field: 'spec.review.cadence' },
    );
  return next;
}
