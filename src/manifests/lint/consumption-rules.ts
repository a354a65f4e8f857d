import { CELLO_EVENT_PREFIX, type Manifest, type Step } from '../../model/index.js';
import { suggestion } from '../did-you-mean.js';
import type { Finding } from '../finding.js';
import type { OrgModel } from '../org-model.js';
import { findingAt, refName, type LintRule } from './lint-rule.js';

/** One place where a cell listens for an event type (or a `prefix.*` pattern). */
interface Consumption {
  cell: string;
  manifest: Manifest;
  path: (string | number)[];
  pattern: string;
}

/** Subscriptions' types, and the events that start or advance a cell's workflows. */
function consumptions(model: OrgModel): Consumption[] {
  const out: Consumption[] = [];
  for (const sub of model.subscriptions) {
    sub.spec.types.forEach((pattern, i) =>
      out.push({ cell: refName(sub.spec.cell), manifest: sub, path: ['spec', 'types', i], pattern }),
    );
  }
  for (const workflow of model.workflows.values()) {
    const template = model.template(workflow.spec.from);
    if (!template) continue;
    const steps: Step[] = [
      ...template.spec.steps,
      ...(workflow.spec.overrides?.replace ?? []),
      ...(workflow.spec.overrides?.add ?? []).map((a) => a.step),
    ];
    const types = new Set([template.spec.start.type, ...steps.flatMap((s) => (s.on ? [s.on.type] : []))]);
    for (const pattern of types)
      out.push({ cell: refName(workflow.spec.cell), manifest: workflow, path: ['spec', 'from'], pattern });
  }
  return out;
}

export const subscriptionUnoffered: LintRule = {
  id: 'subscription-unoffered',
  severity: 'error',
  description: 'Every event type a subscription listens for is offered by some cell.',
  check(model) {
    const out: Finding[] = [];
    for (const sub of model.subscriptions) {
      sub.spec.types.forEach((pattern, i) => {
        if (pattern.startsWith(CELLO_EVENT_PREFIX) || model.matchingEventTypes(pattern).length > 0) return;
        out.push(
          findingAt(
            model,
            this,
            sub,
            ['spec', 'types', i],
            `No cell offers an event type matching ${pattern}, so this subscription will never fire${suggestion(pattern, model.eventTypes()) || '.'}`,
            'fix the type, or add it to the event offer of the cell that publishes it',
          ),
        );
      });
    }
    return out;
  },
};

export const missingAgreement: LintRule = {
  id: 'missing-agreement',
  severity: 'warning',
  description: "A cell that consumes another cell's events, API or service has an Agreement for that offer.",
  check(model) {
    const out: Finding[] = [];
    const reported = new Set<string>();
    for (const use of consumptions(model)) {
      for (const type of model.matchingEventTypes(use.pattern)) {
        for (const offering of model.eventOfferings(type)) {
          if (
            offering.cell === use.cell ||
            model.agreementsBetween(use.cell, offering.cell, offering.offer.name).length > 0
          )
            continue;
          const key = `${use.manifest.kind}/${use.manifest.metadata.name}>${offering.cell}/${offering.offer.name}`;
          if (reported.has(key)) continue;
          reported.add(key);
          out.push(
            findingAt(
              model,
              this,
              use.manifest,
              use.path,
              `${use.cell} consumes ${type} from ${offering.cell}'s offer "${offering.offer.name}", but no Agreement covers it.`,
              agreementHint(offering.cell, offering.offer.name, use.cell),
            ),
          );
        }
      }
    }
    for (const cell of model.cells.values()) {
      (cell.spec.expectations ?? []).forEach((expectation, i) => {
        if (!expectation.provider) return;
        const provider = refName(expectation.provider);
        if (provider === cell.metadata.name || !model.cells.has(provider)) return;
        if (model.agreementsBetween(cell.metadata.name, provider, expectation.offer).length > 0) return;
        const what = expectation.offer ? `offer "${expectation.offer}"` : 'offers';
        out.push(
          findingAt(
            model,
            this,
            cell,
            ['spec', 'expectations', i, 'provider'],
            `${cell.metadata.name} expects "${expectation.name}" from ${provider}'s ${what}, but no Agreement covers it.`,
            agreementHint(provider, expectation.offer ?? '<offer>', cell.metadata.name),
          ),
        );
      });
    }
    return out;
  },
};

function agreementHint(provider: string, offer: string, consumer: string): string {
  return `add an Agreement with provider: cell:${provider}, offer: ${offer}, consumer: cell:${consumer}, a mode, exit criteria and SLOs`;
}
