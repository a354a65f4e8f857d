import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateFolder, type ValidationResult } from '../../src/manifests/index.js';
import { PROJECT_ROOT } from '../support/services.js';

const NOW = new Date('2026-12-01T00:00:00Z');

describe('examples/acme', () => {
  let result: ValidationResult;
  beforeAll(async () => {
    result = await validateFolder(path.join(PROJECT_ROOT, 'examples/acme'), { now: NOW });
  });

  it('validates clean: no errors and no warnings', () => {
    expect(result.findings).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('has every kind, the seven cells of the two stories, and a decision right per tension type', () => {
    const kinds = new Set(result.manifests.map((m) => m.kind));
    expect([...kinds].sort()).toEqual([
      'Agreement',
      'Cell',
      'DecisionRight',
      'Domain',
      'Guardrail',
      'Organization',
      'Subscription',
      'Template',
      'Workflow',
    ]);
    expect([...result.org.cells.keys()].sort()).toEqual([
      'cs-americas',
      'cs-emea',
      'demand-planning',
      'finance',
      'manufacturing',
      'platform',
      'risk',
    ]);
    for (const type of ['boundary', 'priority', 'interface', 'capacity', 'process'])
      expect(result.org.decisionRightsFor(type)).toHaveLength(1);
  });

  it('resolves the lookups the engine and governance use', () => {
    const { org } = result;
    expect(org.eventOwner('com.acme.risk.score.changed')).toBe('risk');
    expect(org.eventSchema('com.acme.risk.score.changed')).toMatchObject({
      properties: { score: { type: 'number', minimum: 0, maximum: 1 } },
    });
    expect(org.domainOwners('credit-decisions')).toEqual(['finance']);
    expect(org.matchingEventTypes('com.acme.demand.*')).toEqual(['com.acme.demand.forecast.changed']);
    expect(org.template('template:case-handling')?.spec.version).toBe(2);
    expect(org.template('template:case-handling@1')?.spec.steps.map((s) => s.id)).toEqual([
      'acknowledge',
      'triage',
      'resolve',
    ]);
    expect(org.agreementsBetween('finance', 'risk', 'risk-signals').map((a) => a.metadata.name)).toEqual([
      'risk-signals-for-finance',
    ]);
    expect(org.offersOf('platform').map((o) => o.name)).toEqual([
      'event-backbone',
      'support-intake',
      'platform-status',
    ]);
  });

  it('has both customer-service cells adapting one shared template, differently', () => {
    const emea = result.org.workflows.get('cs-emea-case-handling')!;
    const americas = result.org.workflows.get('cs-americas-case-handling')!;
    expect([emea.spec.from, americas.spec.from]).toEqual(['template:case-handling@2', 'template:case-handling@1']);
    expect(emea.spec.overrides).not.toEqual(americas.spec.overrides);
  });
});

describe('examples/broken', () => {
  let result: ValidationResult;
  beforeAll(async () => {
    result = await validateFolder(path.join(PROJECT_ROOT, 'examples/broken'), { now: NOW });
  });
  const at = (file: string, line: number, column: number, ruleId: string) =>
    result.findings.find(
      (f) =>
        path.relative(path.join(PROJECT_ROOT, 'examples/broken'), f.file) === file &&
        f.line === line &&
        f.column === column &&
        f.ruleId === ruleId,
    );

  it('fails, with errors and warnings', () => {
    expect(result.ok).toBe(false);
    expect(result.summary.errors).toBeGreaterThan(15);
    expect(result.summary.warnings).toBeGreaterThan(5);
  });

  it.each([
    ['cells/risk.yaml', 12, 7, 'unknown-field', 'spec.offers[0] has an unknown field "limts"; did you mean "limits"?'],
    [
      'cells/manufacturing.yaml',
      11,
      3,
      'yaml-syntax',
      'YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ].',
    ],
    [
      'cells/finance.yaml',
      8,
      3,
      'duplicate-key',
      'The key "purpose" appears twice in the same mapping; YAML would silently keep only the last one.',
    ],
    [
      'cells/finance.yaml',
      14,
      7,
      'dangling-ref',
      'domain:credit-decisons refers to a Domain named "credit-decisons", but none exists; did you mean "credit-decisions"?',
    ],
    [
      'agreements/backbone-for-finance.yaml',
      8,
      13,
      'dangling-ref',
      'cell:financ refers to a Cell named "financ", but none exists; did you mean "finance"?',
    ],
    ['cells/sales.yaml', 2, 7, 'unknown-kind', 'kind "Cel" is not a Cello manifest kind; did you mean "Cell"?'],
    ['domains.yaml', 26, 1, 'missing-field', 'spec is missing the required field "purpose".'],
    [
      'cells/platform.yaml',
      9,
      5,
      'cell-facilitator',
      'Cell "platform" has no facilitator, so nobody runs its part of the tension review.',
    ],
    [
      'cells/platform-status.asyncapi.yaml',
      2,
      1,
      'asyncapi-invalid',
      'The AsyncAPI document of offer "platform-status" breaks the official 3.0.0 schema at $.info: the required field "version" is missing.',
    ],
    ['governance.yaml', 8, 45, 'guardrail-cel', 'The expression is not valid CEL at column 31: Unexpected token: EOF.'],
    [
      'subscriptions.yaml',
      9,
      30,
      'subscription-filter-cel',
      'The expression is not valid CEL at column 20: Unexpected token: AND.',
    ],
    [
      'workflows.yaml',
      36,
      9,
      'dangling-ref',
      'template:credit-approval@2 refers to version 2 of template "credit-approval", which has versions 1.',
    ],
    [
      'organization.yaml',
      8,
      5,
      'organization-criteria',
      'There are 6 prioritization criteria; more than 5 cannot be weighed against each other in a review.',
    ],
  ])('%s:%i:%i %s', (file, line, column, ruleId, message) => {
    expect(at(file, line, column, ruleId)?.message).toBe(message);
  });

  it('covers the boundary rules too', () => {
    const rules = new Set(result.findings.map((f) => f.ruleId));
    for (const id of [
      'domain-owner',
      'event-type-owner',
      'missing-agreement',
      'agreement-exit-criteria',
      'agreement-slo',
      'collaboration-duration',
      'tension-type-undefined',
      'tension-type-undecided',
      'organization-purpose',
      'offer-limits',
      'subscription-unoffered',
      'guardrail-violated',
      'api-version',
      'invalid-value',
    ]) {
      expect(rules, id).toContain(id);
    }
  });
});
