import type { FeatureModule } from '../engine/index.js';
import { WORKFLOW_LINT_RULES } from './lint/workflow-lint-rules.js';
import { workflowsRuntime } from './migrations/20261121-0500-workflows-runtime.js';
import { workflowsLogConsumer } from './migrations/20261122-0920-workflows-log-consumer.js';

/** Workflows as a feature module: the runtime's tables, and the template and guardrail checks of `cello validate`. */
export const workflowsModule: FeatureModule = {
  name: 'workflows',
  migrations: [workflowsRuntime, workflowsLogConsumer],
  lintRules: WORKFLOW_LINT_RULES,
};
