import {
  celloEvent,
  TensionReopened,
  TensionResolved,
  TensionUpdated,
  type CloudEvent,
  type Tension,
} from '../../model/index.js';
import type { GovernanceContext, GovernanceRepos } from '../governance-context.js';
import { mergeEvidence } from './evidence.js';
import { insertTension } from './insert-tension.js';
import { checkRaise, type DetectedInput } from './raise-input.js';
import { isAwaitingDecision } from './tension-states.js';

/** What a detector's report did. */
export type DetectedResult = { tension: Tension; action: 'raised' | 'counted' | 'reopened' | 'unchanged' };

/**
 * A detector's report, as a change inside the caller's transaction (`repos`): a new tension the first time for its
 * detector and subject; later reports count an occurrence and add evidence; a resolved one is reopened; a dropped
 * one only counts. `count: false` raises when new and leaves an existing tension alone (start-up sweeps).
 */
export async function recordDetected(
  ctx: GovernanceContext,
  repos: GovernanceRepos,
  input: DetectedInput,
  options: { count?: boolean } = {},
): Promise<{ result: DetectedResult; events: CloudEvent[] }> {
  const now = ctx.now();
  const model = ctx.model();
  const checked = checkRaise(input, {
    now,
    tensionTypes: ctx.tensionTypes(),
    cells: new Set(model.cells.keys()),
    strictType: false,
  });
  const stamp = now.toISOString();
  const by = `Cello (${input.detector})`;
  const seen = Math.max(1, Math.trunc(input.occurrences ?? 1));
  const existing = await repos.tensions.byDetector(input.detector, input.subject, { lock: true });
  if (!existing) {
    const { tension, events } = await insertTension(ctx, repos, {
      ...checked,
      state: 'open',
      raisedAt: stamp,
      updatedAt: stamp,
      raisedBy: by,
      origin: 'detector',
      detector: input.detector,
      subject: input.subject,
      occurrences: seen,
      lastOccurredAt: stamp,
      ratings: {},
      reopened: 0,
      escalations: 0,
    });
    return { result: { tension, action: 'raised' as const }, events };
  }
  if (options.count === false) return { result: { tension: existing, action: 'unchanged' as const }, events: [] };
  const evidence = mergeEvidence(existing.evidence, checked.evidence);
  const occurrences = existing.occurrences + seen;
  if (existing.state === 'resolved') {
    const patch = {
      state: 'open' as const,
      occurrences,
      lastOccurredAt: stamp,
      updatedAt: stamp,
      evidence,
      reopened: existing.reopened + 1,
      resolvedAt: null,
      decidedAt: null,
      closedReason: null,
    };
    await repos.tensions.update(existing.id, patch);
    const event = celloEvent(TensionReopened, {
      subject: existing.id,
      time: now,
      data: {
        tension: existing.id,
        by,
        reason: `${input.detector} saw it again`,
        occurrences,
        reopened: patch.reopened,
      },
    });
    return {
      result: { tension: await repos.tensions.get(existing.id), action: 'reopened' as const },
      events: [event],
    };
  }
  await repos.tensions.update(existing.id, { occurrences, lastOccurredAt: stamp, updatedAt: stamp, evidence });
  const event = celloEvent(TensionUpdated, {
    subject: existing.id,
    time: now,
    data: {
      tension: existing.id,
      change: 'occurrence',
      occurrences,
      evidence: checked.evidence,
    },
  });
  return {
    result: { tension: await repos.tensions.get(existing.id), action: 'counted' as const },
    events: [event],
  };
}

/** A detector's finding went away: its tension, while still waiting for a decision, is resolved (in `repos`). */
export async function resolveDetectedIn(
  ctx: GovernanceContext,
  repos: GovernanceRepos,
  detector: string,
  subject: string,
  reason: string,
): Promise<{ result: Tension | undefined; events: CloudEvent[] }> {
  const tension = await repos.tensions.byDetector(detector, subject, { lock: true });
  if (!tension || !isAwaitingDecision(tension.state)) return { result: undefined, events: [] };
  const now = ctx.now();
  await repos.tensions.update(tension.id, {
    state: 'resolved',
    resolvedAt: now.toISOString(),
    closedReason: reason,
    updatedAt: now.toISOString(),
    reviewId: null,
  });
  return {
    result: await repos.tensions.get(tension.id),
    events: [
      celloEvent(TensionResolved, {
        subject: tension.id,
        time: now,
        data: {
          tension: tension.id,
          by: `Cello (${detector})`,
          reason,
        },
      }),
    ],
  };
}
