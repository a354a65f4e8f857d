import { hash } from 'node:crypto';
import {
  celloEvent,
  workflowSource,
  WorkflowUpgradeAvailable,
  type CloudEvent,
  type Manifest,
} from '../../model/index.js';
import { driftReport } from './workflow-drift.js';

/**
 * One notice per workflow whose template has a newer version than the one it adapts: `WorkflowUpgradeAvailable`,
 * subject `workflow:<name>`. The id is derived from the workflow and the new version, so however often it is
 * computed, the log (idempotent on source and id) keeps one notice per (workflow, version).
 *
 * A notice, not a tension: a new version is an offer the cell adopts at its own pace, not a gap someone must
 * decide; raising a tension for every release would crowd the review with items nobody disagrees about.
 * Governance may still turn a notice into a `process` tension, e.g. when it stays unadopted or has conflicts.
 */
export function upgradeNotices(manifests: readonly Manifest[], now: Date): CloudEvent[] {
  return driftReport(manifests).flatMap((drift) => {
    if (!drift.upgrade) return [];
    const { upgrade } = drift;
    return [
      celloEvent(WorkflowUpgradeAvailable, {
        id: noticeId('upgrade', drift.workflow, drift.template, upgrade.to),
        source: workflowSource(drift.workflow),
        subject: `workflow:${drift.workflow}`,
        time: now,
        data: {
          workflow: drift.workflow,
          cell: drift.cell,
          template: drift.template,
          adopted: drift.adopted,
          newest: upgrade.to,
          changes: drift.templateChanges,
          conflicts: upgrade.conflicts.map((c) => ({ step: c.step, reason: c.reason })),
          parameterConflicts: upgrade.parameterConflicts,
          hint: `run \`cello templates drift\` to see the proposed ${drift.workflow} for version ${upgrade.to}`,
        },
        extensions: { workflow: drift.workflow, template: `${drift.template}@${drift.adopted}` },
      }),
    ];
  });
}

/** A deterministic id from its parts (the same function transitions used, so notices keep the ids they had). */
function noticeId(...parts: (string | number)[]): string {
  return hash('sha256', parts.join('\u0000'), 'hex').slice(0, 32);
}
