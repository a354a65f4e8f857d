import type { DecisionService } from './decisions/decision-service.js';
import type { GovernanceContext } from './governance-context.js';
import { resolveReviewCell } from './reviews/review-cell.js';
import type { ReviewService } from './reviews/review-service.js';
import { sweepDueReviews, type DueReviews } from './reviews/sweep-due-reviews.js';
import type { TensionService } from './tensions/tension-service.js';

/** What one check of time did. */
export interface TickReport {
  settledProposals: number;
  due: DueReviews;
  /** The review planned on the cadence, if one was. */
  planned?: string;
}

/**
 * Checks what time makes due: proposal windows, review dates of agreements, experiments and decisions, and the
 * review cadence (a review is planned when none is and `autoPlan` is on).
 */
export async function checkTime(
  ctx: GovernanceContext,
  services: { tensions: TensionService; decisions: DecisionService; reviews: ReviewService },
): Promise<TickReport> {
  const settledProposals = await services.decisions.settleDue();
  const due = await sweepDueReviews(ctx, services.tensions);
  let planned: string | undefined;
  if (ctx.options.autoPlan && ctx.organization() && !(await services.reviews.current())) {
    const latest = await ctx.read().reviews.latest();
    const cell = resolveReviewCell(ctx.model(), undefined, ctx.options.reviewCell ?? latest?.cell, false);
    if (cell) planned = (await services.reviews.plan({ kind: 'system', component: 'governance' }, { cell })).id;
  }
  return { settledProposals, due, ...(planned ? { planned } : {}) };
}
