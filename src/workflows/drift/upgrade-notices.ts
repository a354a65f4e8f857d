import type { CloudEvent, Manifest } from '../../model/index.js';
import { WORKFLOW_EVENT_TYPES, transitionId, workflowSource } from '../runtime/transition-events.js';
import { driftReport } from './workflow-drift.js';

/**
 * One notice per workflow whose template has a newer version than the one it adapts:
 * `dev.cello.workflow.upgrade-available`, subject `workflow:<name>`. The id is derived from the workflow and
 * the new version, so however often it is computed, the log keeps one notice per (workflow, version).
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
      {
        specversion: '1.0',
        id: transitionId('upgrade', drift.workflow, drift.template, upgrade.to),
        source: workflowSource(drift.workflow),
        type: WORKFLOW_EVENT_TYPES.upgradeAvailable,
        subject: `workflow:${drift.workflow}`,
        time: now.toISOString(),
        datacontenttype: 'application/json',
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
      },
    ];
  });
}
