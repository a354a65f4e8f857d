import { MANIFEST_KINDS, parseRef, type Action, type Manifest, type Step } from '../../model/index.js';
import { didYouMean, suggestion } from '../did-you-mean.js';
import type { Finding } from '../finding.js';
import type { OrgModel } from '../org-model.js';
import { describeLocation, findingAt, type LintContext, type LintRule } from './lint-rule.js';

/** Templates are identified by name and version; everything else by kind and name. */
export function manifestKey(manifest: Manifest): string {
  const base = `${manifest.kind.toLowerCase()}:${manifest.metadata.name}`;
  return manifest.kind === 'Template' ? `${base}@${manifest.spec.version}` : base;
}

export const duplicateName: LintRule = {
  id: 'duplicate-name',
  severity: 'error',
  description: 'No two manifests of a kind share a name (templates: a name and a version).',
  check(model) {
    const first = new Map<string, Manifest>();
    const out: Finding[] = [];
    for (const manifest of model.manifests) {
      const key = manifestKey(manifest);
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, manifest);
        continue;
      }
      const label =
        manifest.kind === 'Template'
          ? `${manifest.metadata.name} version ${manifest.spec.version}`
          : manifest.metadata.name;
      out.push(
        findingAt(
          model,
          this,
          manifest,
          ['metadata', 'name'],
          `${manifest.kind} "${label}" is defined twice; the first is at ${describeLocation(model, earlier)}.`,
          manifest.kind === 'Template'
            ? 'give the new version its own spec.version, or rename one'
            : 'rename one of them, or merge them into one manifest',
        ),
      );
    }
    return out;
  },
};

interface Reference {
  manifest: Manifest;
  path: (string | number)[];
  ref: string;
}

/** Every `kind:name` reference in the organization, with where it is. */
function references(model: OrgModel): Reference[] {
  const refs: Reference[] = [];
  const add = (manifest: Manifest, path: (string | number)[], ref: string | undefined) => {
    if (ref) refs.push({ manifest, path, ref });
  };
  for (const m of model.manifests) {
    switch (m.kind) {
      case 'Domain':
        add(m, ['spec', 'parent'], m.spec.parent);
        break;
      case 'Cell':
        m.spec.domains?.forEach((d, i) => add(m, ['spec', 'domains', i], d));
        m.spec.expectations?.forEach((e, i) => add(m, ['spec', 'expectations', i, 'provider'], e.provider));
        break;
      case 'Agreement':
        add(m, ['spec', 'provider'], m.spec.provider);
        add(m, ['spec', 'consumer'], m.spec.consumer);
        break;
      case 'DecisionRight':
        add(m, ['spec', 'decider', 'cell'], m.spec.decider.cell);
        m.spec.advisors?.forEach((a, i) => add(m, ['spec', 'advisors', i], a));
        break;
      case 'Workflow':
        add(m, ['spec', 'from'], m.spec.from);
        add(m, ['spec', 'cell'], m.spec.cell);
        m.spec.overrides?.replace?.forEach((s, i) =>
          stepRefs(s, ['spec', 'overrides', 'replace', i], (p, r) => add(m, p, r)),
        );
        m.spec.overrides?.add?.forEach((a, i) =>
          stepRefs(a.step, ['spec', 'overrides', 'add', i, 'step'], (p, r) => add(m, p, r)),
        );
        break;
      case 'Subscription':
        add(m, ['spec', 'cell'], m.spec.cell);
        m.spec.actions.forEach((a, i) =>
          add(m, ['spec', 'actions', i, 'workflow'], 'workflow' in a ? a.workflow : undefined),
        );
        break;
      case 'Template':
        m.spec.steps.forEach((s, i) => stepRefs(s, ['spec', 'steps', i], (p, r) => add(m, p, r)));
        break;
      default:
        break;
    }
  }
  return refs;
}

function stepRefs(step: Step, base: (string | number)[], add: (path: (string | number)[], ref: string) => void): void {
  const visit = (actions: Action[], at: (string | number)[]) =>
    actions.forEach((action, i) => {
      if ('task' in action) add([...at, i, 'task', 'cell'], action.task.cell);
      if ('raiseTension' in action)
        action.raiseTension.cells?.forEach((c, j) => add([...at, i, 'raiseTension', 'cells', j], c));
    });
  visit(step.do, [...base, 'do']);
  if (step.timeout) visit(step.timeout.then, [...base, 'timeout', 'then']);
}

export const danglingRef: LintRule = {
  id: 'dangling-ref',
  severity: 'error',
  description:
    'Every reference (cell:x, domain:x, template:x@v, workflow:x, offers, criteria, kinds) points at something that exists.',
  check(model, context) {
    const out: Finding[] = [];
    const report = (manifest: Manifest, path: (string | number)[], message: string, hint: string) =>
      out.push(findingAt(model, this, manifest, path, message, hint));
    for (const { manifest, path, ref } of references(model)) {
      const problem = resolveProblem(model, ref, context);
      if (problem) report(manifest, path, problem.message, problem.hint);
    }
    for (const a of model.agreements) {
      const provider = a.spec.provider.slice('cell:'.length);
      if (model.cells.has(provider) && !model.offer(provider, a.spec.offer)) {
        const names = model.offersOf(provider).map((o) => o.name);
        report(
          a,
          ['spec', 'offer'],
          `Cell "${provider}" has no offer named "${a.spec.offer}"${suggestion(a.spec.offer, names) || '.'}`,
          `use one of ${provider}'s offers: ${names.join(', ') || '(none yet)'}`,
        );
      }
    }
    for (const cell of model.cells.values()) {
      cell.spec.expectations?.forEach((e, i) => {
        const provider = e.provider?.slice('cell:'.length);
        if (!provider || !e.offer || !model.cells.has(provider) || model.offer(provider, e.offer)) return;
        const names = model.offersOf(provider).map((o) => o.name);
        report(
          cell,
          ['spec', 'expectations', i, 'offer'],
          `Cell "${provider}" has no offer named "${e.offer}"${suggestion(e.offer, names) || '.'}`,
          `use one of ${provider}'s offers: ${names.join(', ') || '(none yet)'}`,
        );
      });
    }
    const criteria = model.organization?.spec.criteria.map((c) => c.name);
    for (const d of model.decisionRights) {
      d.spec.criteria?.forEach((c, i) => {
        if (!criteria || criteria.includes(c)) return;
        report(
          d,
          ['spec', 'criteria', i],
          `"${c}" is not one of the organization's criteria (${criteria.join(', ')})${suggestion(c, criteria) || '.'}`,
          'name a criterion defined in the Organization',
        );
      });
    }
    for (const g of model.guardrails) {
      g.spec.kinds?.forEach((k, i) => {
        if ((MANIFEST_KINDS as readonly string[]).includes(k)) return;
        report(
          g,
          ['spec', 'kinds', i],
          `"${k}" is not a manifest kind${suggestion(k, MANIFEST_KINDS) || '.'}`,
          `use kinds among ${MANIFEST_KINDS.join(', ')}`,
        );
      });
    }
    return out;
  },
};

function resolveProblem(
  model: OrgModel,
  text: string,
  context: LintContext,
): { message: string; hint: string } | undefined {
  const ref = parseRef(text);
  if (context.declared.has(`${ref.prefix}:${ref.name}`)) return undefined;
  if (ref.prefix === 'template') {
    const versions = model.templates.get(ref.name);
    if (versions && (ref.version === undefined || versions.some((t) => t.spec.version === ref.version)))
      return undefined;
    if (versions) {
      const known = versions.map((t) => t.spec.version).join(', ');
      return {
        message: `${text} refers to version ${ref.version} of template "${ref.name}", which has versions ${known}.`,
        hint: `use one of ${known}, or add that version`,
      };
    }
    const names = [...model.templates.keys()];
    return {
      message: `${text} refers to a template that does not exist${suggestion(ref.name, names) || '.'}`,
      hint: `create Template "${ref.name}" or fix the name`,
    };
  }
  const pool: ReadonlyMap<string, unknown> | undefined =
    ref.prefix === 'cell'
      ? model.cells
      : ref.prefix === 'domain'
        ? model.domains
        : ref.prefix === 'workflow'
          ? model.workflows
          : undefined;
  const names = pool
    ? [...pool.keys()]
    : model.manifests.filter((m) => m.kind === ref.kind).map((m) => m.metadata.name);
  if (names.includes(ref.name)) return undefined;
  const likely = didYouMean(ref.name, names);
  return {
    message: `${text} refers to a ${ref.kind} named "${ref.name}", but none exists${suggestion(ref.name, names) || '.'}`,
    hint: likely
      ? `change it to ${ref.prefix}:${likely}, or create ${ref.kind} "${ref.name}" if you meant a new one`
      : `create ${ref.kind} "${ref.name}" or fix the reference`,
  };
}
