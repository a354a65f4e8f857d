import { Type } from '@sinclair/typebox';
import { defineEvent } from './event-definition.js';
import { WORKFLOW_SOURCE_PATTERN } from './event-sources.js';

export const WorkflowWebhook = 'dev.cello.workflow.webhook';
export const WorkflowWebhookDeadLettered = 'dev.cello.workflow.webhook.dead-lettered';
export const WorkflowUpgradeAvailable = 'dev.cello.workflow.upgrade-available';

const WORKFLOW_SUBJECT = 'workflow:<name>; extensions workflow and instance';

const StepChange = Type.Object({
  step: Type.String(),
  change: Type.Union([Type.Literal('added'), Type.Literal('removed'), Type.Literal('changed'), Type.Literal('moved')]),
  fields: Type.Optional(Type.Array(Type.String())),
});

/** What a workflow sends out and what it is told about itself: webhook calls, their dead letters, template upgrades. */
export const WORKFLOW_NOTICE_EVENTS = {
  [WorkflowWebhook]: defineEvent({
    description:
      'Not in the log: the structured CloudEvent a webhook step POSTs, its data the step body (default: vars and event).',
    source: WORKFLOW_SOURCE_PATTERN,
    subject: 'the case id; extensions workflow, template, instance, step',
    data: Type.Record(Type.String(), Type.Unknown()),
  }),
  [WorkflowWebhookDeadLettered]: defineEvent({
    description: "A webhook step's call ran out of attempts.",
    source: WORKFLOW_SOURCE_PATTERN,
    subject: WORKFLOW_SUBJECT,
    data: Type.Object({
      webhook: Type.String({ description: 'the call id, also its idempotency key' }),
      workflow: Type.String(),
      instance: Type.String(),
      step: Type.String(),
      url: Type.String(),
      attempts: Type.Number(),
      lastStatusCode: Type.Union([Type.Number(), Type.Null()]),
      lastError: Type.Union([Type.String(), Type.Null()]),
    }),
  }),
  [WorkflowUpgradeAvailable]: defineEvent({
    description: 'The template a workflow adapts has a newer version; one notice per workflow and version.',
    source: WORKFLOW_SOURCE_PATTERN,
    subject: 'workflow:<name>; extensions workflow and template (name@adopted version)',
    data: Type.Object({
      workflow: Type.String(),
      cell: Type.String(),
      template: Type.String(),
      adopted: Type.Number(),
      newest: Type.Number(),
      changes: Type.Array(StepChange, { description: 'what the newest version changed against the adopted one' }),
      conflicts: Type.Array(Type.Object({ step: Type.String(), reason: Type.String() })),
      parameterConflicts: Type.Array(Type.Object({ name: Type.String(), reason: Type.String() })),
      hint: Type.String(),
    }),
  }),
};
