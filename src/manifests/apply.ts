import { APPLY_SOURCE, celloEvent, ManifestApplied, type Manifest } from '../model/index.js';
import type { Clock } from '../shared/index.js';
import type { Store } from '../store/index.js';
import { planChanges, type Plan } from './plan.js';

export interface ApplyResult {
  plan: Plan;
  /** Sequence number of the `ManifestApplied` event; absent when nothing changed. */
  eventSeq?: number;
}

/**
 * Stores every added, changed or removed manifest as a new version and appends one `ManifestApplied` event, all
 * in one transaction. Applying the same folder again writes nothing.
 */
export async function applyManifests(
  store: Store,
  desired: readonly Manifest[],
  options: { clock: Clock; actor?: string },
): Promise<ApplyResult> {
  return store.transaction(async (tx) => {
    const plan = planChanges(desired, await tx.manifests.current());
    if (plan.items.length === 0) return { plan };
    for (const item of plan.items) await tx.manifests.put(item.kind, item.name, item.manifest, item.hash);
    const event = celloEvent(ManifestApplied, {
      source: APPLY_SOURCE,
      time: options.clock.now(),
      data: {
        actor: options.actor ?? 'cli',
        changes: plan.items.map((i) => ({
          action: i.action,
          ref: i.ref,
          version: i.nextVersion,
          fields: i.changes.map((c) => c.path),
        })),
        unchanged: plan.unchanged,
      },
    });
    const [outcome] = await tx.events.append([{ event }]);
    return { plan, eventSeq: outcome!.seq };
  });
}
