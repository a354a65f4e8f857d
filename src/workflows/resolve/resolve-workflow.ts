import type { ManifestOf } from '../../model/index.js';
import { errorMessage } from '../../shared/index.js';
import { checkTemplate } from './check-template.js';
import { interpolateStep } from './interpolate-step.js';
import { resolveParameterValues, type ParameterValue } from './parameter-values.js';
import { problem, type ResolutionProblem } from './resolution-problem.js';
import { applyOverrides, type PlacedStep } from './step-overrides.js';
import { templateKey, type TemplateCatalog, type TemplateManifest, type WorkflowManifest } from './template-catalog.js';
import { validateSteps } from './validate-steps.js';

/** A workflow as it runs: its template version's steps with the cell's overrides applied and parameters filled in. */
export interface ResolvedWorkflow {
  name: string;
  /** The adopting cell's name (without `cell:`). */
  cell: string;
  template: { name: string; version: number; /** `case-handling@2` */ key: string };
  /** False when `from` names no version, so the workflow follows the newest one. */
  pinned: boolean;
  parameters: Record<string, ParameterValue>;
  start: ManifestOf<'Template'>['spec']['start'];
  caseId?: string;
  steps: PlacedStep[];
  removed: string[];
  replaced: string[];
  added: string[];
}

export interface Resolution {
  workflow?: ResolvedWorkflow;
  /** The template version it adapts, when that was found. */
  template?: TemplateManifest;
  problems: ResolutionProblem[];
}

/**
 * Resolves a workflow against its template version. Pure: the same manifests always resolve the same way,
 * in the CLI, the server and the dashboard. `workflow` is undefined when any problem is at error level.
 */
export function resolveWorkflow(manifest: WorkflowManifest, catalog: TemplateCatalog): Resolution {
  const { spec } = manifest;
  let template: TemplateManifest | undefined;
  try {
    template = catalog.get(spec.from);
  } catch (error) {
    return {
      problems: [
        problem('template-ref', 'workflow', ['spec', 'from'], errorMessage(error), 'write it as template:name@version'),
      ],
    };
  }
  if (!template) return { problems: [missingTemplate(spec.from, catalog)] };

  const ref = `template:${templateKey(template)}`;
  const templateProblems = checkTemplate(template).filter((p) => p.severity === 'error');
  if (templateProblems.length > 0) {
    return {
      template,
      problems: [
        problem(
          'template-invalid',
          'workflow',
          ['spec', 'from'],
          `Workflow "${manifest.metadata.name}" adapts ${ref}, which has ${templateProblems.length} error(s) of its own (first: ${templateProblems[0]!.message})`,
          `fix ${ref} first; \`cello validate\` lists its errors`,
        ),
      ],
    };
  }
  const problems: ResolutionProblem[] = [];
  const pinned = /@\d+$/.test(spec.from);
  if (!pinned) {
    problems.push({
      code: 'unpinned-template',
      severity: 'warning',
      in: 'workflow',
      path: ['spec', 'from'],
      message: `Workflow "${manifest.metadata.name}" follows the newest version of ${spec.from}, so a new template version changes it without review.`,
      hint: `pin a version: from: ${ref}`,
    });
  }
  const declared = template.spec.parameters ?? [];
  const parameters = resolveParameterValues(declared, spec.parameters ?? {}, ref);
  problems.push(...parameters.problems);
  const overridden = applyOverrides(template, manifest);
  problems.push(...overridden.problems);
  const names = new Set(declared.map((p) => p.name));
  const steps = overridden.steps.map((placed) => {
    const interpolated = interpolateStep(placed, names, parameters.values);
    // Template steps were checked on their own; report only what the workflow brought.
    problems.push(...interpolated.problems.filter((p) => p.in === 'workflow'));
    return { ...placed, step: interpolated.step };
  });
  for (const found of validateSteps(steps, `workflow "${manifest.metadata.name}"`))
    problems.push(found.in === 'workflow' ? found : blame(found, manifest, overridden.removed));
  const resolved: ResolvedWorkflow = {
    name: manifest.metadata.name,
    cell: spec.cell.slice('cell:'.length),
    template: { name: template.metadata.name, version: template.spec.version, key: templateKey(template) },
    pinned,
    parameters: parameters.values,
    start: template.spec.start,
    ...(template.spec.caseId !== undefined ? { caseId: template.spec.caseId } : {}),
    steps,
    removed: overridden.removed,
    replaced: overridden.replaced,
    added: overridden.added,
  };
  return {
    template,
    problems: dedupe(problems),
    ...(problems.some((p) => p.severity === 'error') ? {} : { workflow: resolved }),
  };
}

function missingTemplate(from: string, catalog: TemplateCatalog): ResolutionProblem {
  const name = from.slice('template:'.length).replace(/@\d+$/, '');
  const versions = catalog.versions(name);
  if (versions.length > 0) {
    return problem(
      'unknown-template-version',
      'workflow',
      ['spec', 'from'],
      `${from} does not exist; template "${name}" has version(s) ${versions.map((t) => t.spec.version).join(', ')}.`,
      `use one of ${versions.map((t) => `template:${templateKey(t)}`).join(', ')}`,
    );
  }
  const names = catalog.names();
  return problem(
    'unknown-template',
    'workflow',
    ['spec', 'from'],
    `${from} names a template that does not exist.`,
    names.length
      ? `use one of ${names.map((n) => `template:${n}`).join(', ')}`
      : 'add a Template manifest (kind: Template) with that name',
  );
}

/**
 * The template passed its own checks, so a problem in one of its steps now comes from the workflow: a removed
 * step that a template step branches to, or a parameter value that makes a field invalid.
 */
function blame(found: ResolutionProblem, manifest: WorkflowManifest, removed: readonly string[]): ResolutionProblem {
  const target = /branches to "([^"]+)"/.exec(found.message)?.[1];
  const index = target ? removed.indexOf(target) : -1;
  if (found.code === 'branch-target' && index >= 0) {
    return {
      ...found,
      in: 'workflow',
      path: ['spec', 'overrides', 'remove', (manifest.spec.overrides?.remove ?? []).indexOf(target!)],
      message: `${found.message.replace(/, but .*$/, '')}, and this workflow removes "${target}".`,
      hint: `keep step "${target}", or replace the branching step too`,
    };
  }
  return {
    ...found,
    in: 'workflow',
    path: manifest.spec.parameters ? ['spec', 'parameters'] : ['spec', 'from'],
    message: `With this workflow's parameters: ${found.message}`,
  };
}

function dedupe(problems: ResolutionProblem[]): ResolutionProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.in}|${p.path.join('.')}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
