import { LINT_RULES, buildOrgModel, runLintRules } from '../../manifests/index.js';
import { isCelloEventType, type BoundaryHealth, type Manifest } from '../../model/index.js';
import { compareText } from '../mining/compare-text.js';

/** The lint rules the boundaries area reuses: ownership of domains and event types, agreements for consumers. */
export const BOUNDARY_RULES = ['domain-owner', 'event-type-owner', 'missing-agreement'] as const;

export type { BoundaryHealth } from '../../model/index.js';

/** Runs the boundary lint rules over the applied manifests and adds the event types the log shows nobody owns. */
export function boundaryHealth(
  manifests: readonly Manifest[],
  typesSeen: ReadonlyMap<string, number>,
  now: Date,
): BoundaryHealth {
  const model = buildOrgModel(manifests);
  const rules = LINT_RULES.filter((rule) => (BOUNDARY_RULES as readonly string[]).includes(rule.id));
  const findings = runLintRules(model, { now }, rules);
  const domains = [...model.domains.keys()].sort(compareText);
  return {
    unownedDomains: domains.filter((d) => model.domainOwners(d).length === 0),
    doublyOwnedDomains: domains
      .filter((d) => model.domainOwners(d).length > 1)
      .map((domain) => ({ domain, cells: model.domainOwners(domain) })),
    unownedEventTypes: [...typesSeen]
      .filter(([type]) => !isCelloEventType(type) && model.eventOfferings(type).length === 0)
      .map(([type, events]) => ({ type, events }))
      .sort((a, b) => b.events - a.events || compareText(a.type, b.type)),
    doublyOwnedEventTypes: model
      .eventTypes()
      .filter((t) => model.eventOfferings(t).length > 1)
      .map((type) => ({ type, cells: model.eventOfferings(type).map((o) => o.cell) })),
    consumersWithoutAgreements: findings
      .filter((f) => f.ruleId === 'missing-agreement')
      .map((f) => ({ manifest: `${f.kind ?? ''}/${f.name ?? ''}`, message: f.message, hint: f.hint })),
    findings: findings.map(({ ruleId, severity, kind, name, message, hint }) => ({
      ruleId,
      severity,
      kind,
      name,
      message,
      hint,
    })),
  };
}
