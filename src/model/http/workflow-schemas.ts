/** Workflows as `GET /v1/workflows` shows them, and their drift from their templates. */
import { Type, type Static } from '@sinclair/typebox';
import { Step, type ManifestOf } from '../manifests/index.js';
import { manifestSchema } from './manifest-routes.js';

const ParameterValue = Type.Union([Type.String(), Type.Number(), Type.Boolean()]);
const Location = Type.Array(Type.Union([Type.String(), Type.Number()]), {
  description: "where inside the manifest, e.g. ['spec', 'overrides', 'remove', 0]",
});

/** One reason a workflow does not resolve against its template, located inside a manifest. */
export const ResolutionProblem = Type.Object({
  code: Type.String({ description: 'stable id, e.g. fixed-step, parameter-range' }),
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
  in: Type.Union([Type.Literal('workflow'), Type.Literal('template')], {
    description: 'the adopting workflow, or the template version it adapts',
  }),
  path: Location,
  message: Type.String(),
  hint: Type.String(),
});
export type ResolutionProblem = Static<typeof ResolutionProblem>;

/** A workflow as `GET /v1/workflows` shows it. */
export const WorkflowSummary = Type.Object({
  name: Type.String(),
  cell: Type.String(),
  from: Type.String({ description: '`template:case-handling@2`, as the manifest says' }),
  template: Type.String(),
  version: Type.Union([Type.Integer(), Type.Null()]),
  newestVersion: Type.Union([Type.Integer(), Type.Null()]),
  runnable: Type.Boolean({ description: 'false when it does not resolve or a deny guardrail refuses it' }),
  parameters: Type.Record(Type.String(), ParameterValue),
  steps: Type.Array(
    Type.Object({
      id: Type.String(),
      mode: Type.Union([Type.Literal('fixed'), Type.Literal('adaptable')]),
      source: Type.String(),
      waitsFor: Type.Union([Type.String(), Type.Null()]),
      timeout: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  removed: Type.Array(Type.String()),
  problems: Type.Array(Type.Pick(ResolutionProblem, ['code', 'severity', 'message'])),
  guardrails: Type.Array(
    Type.Object({
      guardrail: Type.String(),
      action: Type.Union([Type.Literal('deny'), Type.Literal('warn')]),
      outcome: Type.Union([Type.Literal('violated'), Type.Literal('unchecked')]),
      message: Type.String(),
    }),
  ),
  instances: Type.Record(Type.String(), Type.Integer(), {
    description: 'instances by state: waiting, completed, failed',
  }),
});
export type WorkflowSummary = Static<typeof WorkflowSummary>;

/** A parameter the workflow sets to something other than the template's default. */
export const ParameterDrift = Type.Object({
  name: Type.String(),
  value: ParameterValue,
  default: Type.Optional(ParameterValue),
});
export type ParameterDrift = Static<typeof ParameterDrift>;

/** How one step differs between two step lists. */
export const StepChange = Type.Object({
  step: Type.String(),
  change: Type.Union([Type.Literal('added'), Type.Literal('removed'), Type.Literal('changed'), Type.Literal('moved')]),
  fields: Type.Optional(Type.Array(Type.String(), { description: 'for changed: the fields that differ' })),
});
export type StepChange = Static<typeof StepChange>;

/** A step both sides of a three-way merge changed differently. */
export const MergeConflict = Type.Object({
  step: Type.String(),
  reason: Type.String(),
  base: Type.Optional(Step),
  ours: Type.Optional(Step),
  theirs: Type.Optional(Step),
  took: Type.Union([Type.Literal('ours'), Type.Literal('theirs')]),
});
export type MergeConflict = Static<typeof MergeConflict>;

export const UpgradeProposal = Type.Object({
  to: Type.Integer({ description: 'the newest version, which the proposal adopts' }),
  conflicts: Type.Array(MergeConflict),
  parameterConflicts: Type.Array(Type.Object({ name: Type.String(), reason: Type.String() })),
  workflow: manifestSchema<ManifestOf<'Workflow'>>(),
  problems: Type.Array(ResolutionProblem),
});
export type UpgradeProposal = Static<typeof UpgradeProposal>;

/** How far one workflow has drifted from its template. */
export const WorkflowDrift = Type.Object({
  workflow: Type.String(),
  cell: Type.String(),
  template: Type.String(),
  adopted: Type.Integer(),
  newest: Type.Integer(),
  parameters: Type.Array(ParameterDrift),
  fromAdopted: Type.Array(StepChange, { description: 'the steps against the version it adapts' }),
  fromNewest: Type.Array(StepChange, { description: 'the steps against the newest version' }),
  templateChanges: Type.Array(StepChange, { description: 'what the newest version changed against the adopted' }),
  upgrade: Type.Optional(UpgradeProposal),
});
export type WorkflowDrift = Static<typeof WorkflowDrift>;
