import type { Manifest, Step, UpgradeProposal, WorkflowDrift } from '../../model/index.js';
import { parameterValueProblem, type ParameterValue } from '../resolve/parameter-values.js';
import { resolveWorkflow } from '../resolve/resolve-workflow.js';
import { applyOverrides } from '../resolve/step-overrides.js';
import {
  createTemplateCatalog,
  templateKey,
  type TemplateCatalog,
  type WorkflowManifest,
} from '../resolve/template-catalog.js';
import { diffSteps, sameStep } from './step-diff.js';
import { mergeSteps } from './three-way-merge.js';

export type { ParameterDrift, UpgradeProposal, WorkflowDrift } from '../../model/index.js';

/** Drift of every workflow in `manifests` whose template version exists. */
export function driftReport(manifests: readonly Manifest[]): WorkflowDrift[] {
  const catalog = createTemplateCatalog(manifests);
  return manifests.flatMap((m) =>
    m.kind === 'Workflow' ? [workflowDrift(m, catalog)].filter((d): d is WorkflowDrift => d !== undefined) : [],
  );
}

/** One workflow's drift, with an upgrade proposal when its template has a newer version. */
export function workflowDrift(manifest: WorkflowManifest, catalog: TemplateCatalog): WorkflowDrift | undefined {
  let adopted;
  try {
    adopted = catalog.get(manifest.spec.from);
  } catch {
    return undefined;
  }
  if (!adopted) return undefined;
  const newest = catalog.newest(adopted.metadata.name)!;
  const ours = applyOverrides(adopted, manifest).steps.map((s) => s.step);
  const defaults = new Map((adopted.spec.parameters ?? []).map((p) => [p.name, p.default]));
  const drift: WorkflowDrift = {
    workflow: manifest.metadata.name,
    cell: manifest.spec.cell.slice('cell:'.length),
    template: adopted.metadata.name,
    adopted: adopted.spec.version,
    newest: newest.spec.version,
    parameters: Object.entries(manifest.spec.parameters ?? {})
      .filter(([name, value]) => defaults.get(name) !== value)
      .map(([name, value]) => ({
        name,
        value,
        ...(defaults.get(name) !== undefined ? { default: defaults.get(name)! } : {}),
      })),
    fromAdopted: diffSteps(adopted.spec.steps, ours),
    fromNewest: diffSteps(newest.spec.steps, ours),
    templateChanges: diffSteps(adopted.spec.steps, newest.spec.steps),
  };
  if (newest.spec.version > adopted.spec.version)
    drift.upgrade = propose(manifest, adopted.spec.steps, ours, newest, catalog);
  return drift;
}

function propose(
  manifest: WorkflowManifest,
  base: readonly Step[],
  ours: readonly Step[],
  newest: NonNullable<ReturnType<TemplateCatalog['newest']>>,
  catalog: TemplateCatalog,
): UpgradeProposal {
  const theirs = newest.spec.steps;
  const merged = mergeSteps(base, ours, theirs);
  const declared = new Map((newest.spec.parameters ?? []).map((p) => [p.name, p]));
  const parameters: Record<string, ParameterValue> = {};
  const parameterConflicts: { name: string; reason: string }[] = [];
  for (const [name, value] of Object.entries(manifest.spec.parameters ?? {})) {
    const parameter = declared.get(name);
    if (!parameter)
      parameterConflicts.push({
        name,
        reason: `version ${newest.spec.version} no longer has parameter "${name}"; the proposal drops it`,
      });
    else {
      const why = parameterValueProblem(parameter, value);
      if (why)
        parameterConflicts.push({ name, reason: `version ${newest.spec.version} does not accept ${name}: ${why}` });
      parameters[name] = value;
    }
  }
  for (const parameter of declared.values()) {
    if (parameter.default === undefined && !(parameter.name in parameters)) {
      parameterConflicts.push({
        name: parameter.name,
        reason: `version ${newest.spec.version} needs parameter "${parameter.name}" (${parameter.type}), which has no default`,
      });
    }
  }
  const overrides = overridesAgainst(theirs, merged.steps);
  const workflow: WorkflowManifest = {
    ...manifest,
    spec: {
      from: `template:${templateKey(newest)}`,
      cell: manifest.spec.cell,
      ...(Object.keys(parameters).length ? { parameters } : {}),
      ...(overrides ? { overrides } : {}),
    },
  };
  const problems = resolveWorkflow(workflow, catalog).problems;
  return { to: newest.spec.version, conflicts: merged.conflicts, parameterConflicts, workflow, problems };
}

/** The overrides that turn `theirs` into `merged`: removals, in-place replacements, and additions next to a neighbour. */
function overridesAgainst(theirs: readonly Step[], merged: readonly Step[]): WorkflowManifest['spec']['overrides'] {
  const inTheirs = new Map(theirs.map((s) => [s.id, s]));
  const inMerged = new Set(merged.map((s) => s.id));
  const remove = theirs.filter((s) => !inMerged.has(s.id)).map((s) => s.id);
  const replace = merged.filter((s) => inTheirs.has(s.id) && !sameStep(s, inTheirs.get(s.id)));
  const add = merged.flatMap((step, i) => {
    if (inTheirs.has(step.id)) return [];
    const previous = merged[i - 1];
    const next = merged.slice(i + 1).find((s) => inTheirs.has(s.id));
    return [previous ? { after: previous.id, step } : next ? { before: next.id, step } : { step }];
  });
  if (!remove.length && !replace.length && !add.length) return undefined;
  return {
    ...(add.length ? { add } : {}),
    ...(replace.length ? { replace } : {}),
    ...(remove.length ? { remove } : {}),
  };
}
