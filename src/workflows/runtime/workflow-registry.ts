import { isHistory, WORKFLOW_EVENT_PREFIX, type Manifest, type StoredEvent } from '../../model/index.js';
import type { Logger } from '../../shared/index.js';
import { SubscriptionRouter } from '../../engine/index.js';
import { checkWorkflows, type WorkflowsCheck } from '../check-workflows.js';
import { compileWorkflow, type CompiledWorkflow } from './compiled-workflow.js';

/** The runnable workflows of the applied organization, indexed by the event types they react to. */
export interface WorkflowRegistry {
  readonly workflows: ReadonlyMap<string, CompiledWorkflow>;
  readonly check: WorkflowsCheck;
  /** The manifests it was built from. */
  readonly manifests: readonly Manifest[];
  /** Every event type some workflow reacts to. */
  readonly types: ReadonlySet<string>;
  /** The workflows an event may start or advance, after the subscriptions that feed workflows had their say. */
  interested(event: StoredEvent): CompiledWorkflow[];
}

/**
 * Builds the registry from manifests. A workflow that does not resolve, or that a deny guardrail refuses, is
 * left out (apply refuses both, so this only happens with manifests written around the lint) and logged.
 */
export function createWorkflowRegistry(manifests: readonly Manifest[], logger?: Logger): WorkflowRegistry {
  const check = checkWorkflows(manifests);
  const workflows = new Map<string, CompiledWorkflow>();
  for (const entry of check.workflows) {
    if (!entry.runnable || !entry.resolution.workflow) {
      const why =
        entry.resolution.problems.find((p) => p.severity === 'error')?.message ??
        entry.verdicts.find((v) => v.action === 'deny')?.message;
      logger?.warn(
        { workflow: entry.manifest.metadata.name },
        `workflow ${entry.manifest.metadata.name} does not run: ${why ?? 'it does not resolve'}`,
      );
      continue;
    }
    workflows.set(entry.manifest.metadata.name, compileWorkflow(entry.resolution.workflow));
  }
  const byType = new Map<string, CompiledWorkflow[]>();
  for (const workflow of workflows.values()) {
    for (const type of workflow.types) byType.set(type, [...(byType.get(type) ?? []), workflow]);
  }
  // A subscription with a `workflow:` action is the cell's filter on what reaches that workflow.
  const feeding = manifests.flatMap((m) =>
    m.kind === 'Subscription' && m.spec.actions.some((a) => 'workflow' in a) ? [m] : [],
  );
  const gated = new Set(
    feeding.flatMap((s) =>
      s.spec.actions.flatMap((a) => ('workflow' in a ? [a.workflow.slice('workflow:'.length)] : [])),
    ),
  );
  const router = new SubscriptionRouter(feeding);
  return {
    workflows,
    check,
    manifests,
    types: new Set(byType.keys()),
    interested(event) {
      const candidates = byType.get(event.type);
      // History (cello simulate, imports) is mined, never run: replaying last month must not start cases today.
      if (!candidates || isHistory(event)) return [];
      // Cello's own workflow events (task completions…) reach only the workflow their `workflow` extension names.
      if (event.type.startsWith(WORKFLOW_EVENT_PREFIX))
        return candidates.filter((w) => w.name === event.extensions?.workflow);
      if (!candidates.some((w) => gated.has(w.name))) return candidates;
      const routed = new Set(
        router
          .route(event)
          .flatMap((m) => ('workflow' in m.action ? [m.action.workflow.slice('workflow:'.length)] : [])),
      );
      return candidates.filter((w) => !gated.has(w.name) || routed.has(w.name));
    },
  };
}
