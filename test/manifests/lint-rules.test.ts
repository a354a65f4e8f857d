import { describe, expect, it } from 'vitest';
import { LINT_RULES } from '../../src/manifests/index.js';
import { BASE, edit, findingsOf, validate, variant } from './org-fixture.js';

const AGREEMENT_HEAD = `apiVersion: cello/v1
kind: Agreement
metadata:
  name: pairing
spec:
  provider: cell:risk
  offer: risk-signals
  consumer: cell:finance
  mode: collaboration
  exitCriteria: [Finance scores on its own.]
  slos:
    - { name: fast, objective: 0.9, request: com.acme.risk.score.requested, response: com.acme.risk.score.changed, within: 1h, window: 28d }
`;

describe('the base fixture', () => {
  it('is clean under every rule', async () => {
    expect((await validate(BASE)).findings).toEqual([]);
  });
  it('every rule has an id, a severity and a description', () => {
    for (const rule of LINT_RULES)
      expect(rule).toMatchObject({ id: expect.stringMatching(/^[a-z]+(-[a-z]+)*$/), description: expect.any(String) });
    expect(new Set(LINT_RULES.map((r) => r.id)).size).toBe(LINT_RULES.length);
  });
});

describe('domain-owner', () => {
  it('passes when exactly one cell owns each domain', async () => {
    expect(await findingsOf('domain-owner', BASE)).toEqual([]);
  });
  it('warns about a domain nobody owns, at the domain', async () => {
    const [finding] = await findingsOf('domain-owner', edit('cells.yaml', '  domains: [domain:risk-scoring]\n', ''));
    expect(finding).toMatchObject({
      severity: 'warning',
      file: 'domains.yaml',
      line: 4,
      column: 9,
      kind: 'Domain',
      name: 'risk-scoring',
    });
    expect(finding?.message).toBe('No cell owns domain "risk-scoring", so nobody answers for it.');
  });
  it('fails a domain owned by two cells, naming both and where', async () => {
    const files = edit(
      'cells.yaml',
      '      roles: [facilitator, lead]\n',
      '      roles: [facilitator, lead]\n  domains: [domain:risk-scoring]\n',
    );
    const [finding] = await findingsOf('domain-owner', files);
    expect(finding).toMatchObject({ severity: 'error', file: 'domains.yaml', line: 4 });
    expect(finding?.message).toMatch(
      /owned by 2 cells: risk \(.*cells\.yaml:11:\d+\) and finance \(.*cells\.yaml:\d+:\d+\)/,
    );
  });
});

describe('event-type-owner', () => {
  it('passes when each event type has one offering cell', async () => {
    expect(await findingsOf('event-type-owner', BASE)).toEqual([]);
  });
  it('fails when a second cell offers the same type, at its event', async () => {
    const files = edit(
      'cells.yaml',
      '      roles: [facilitator, lead]\n',
      '      roles: [facilitator, lead]\n  offers:\n    - name: mirror\n      type: event\n      events: [{ type: com.acme.risk.score.changed }]\n      limits: { hours: 24/7 }\n',
    );
    const [finding] = await findingsOf('event-type-owner', files);
    expect(finding).toMatchObject({ name: 'finance', path: 'spec.offers[0].events[0].type', line: 34 });
    expect(finding?.message).toMatch(/^Event type com\.acme\.risk\.score\.changed is also offered by risk \(/);
  });
});

describe('subscription-unoffered', () => {
  it('passes for offered types, prefixes that match, and Cello’s own events', async () => {
    const files = edit(
      'subscriptions.yaml',
      'types: [com.acme.risk.score.changed]',
      'types: [com.acme.risk.*, dev.cello.tension.raised]',
    );
    expect(await findingsOf('subscription-unoffered', files)).toEqual([]);
  });
  it('fails a type nobody offers and suggests the close one', async () => {
    const [finding] = await findingsOf(
      'subscription-unoffered',
      edit('subscriptions.yaml', 'score.changed]', 'score.chnged]'),
    );
    expect(finding).toMatchObject({ file: 'subscriptions.yaml', line: 7, column: 11 });
    expect(finding?.message).toContain('did you mean "com.acme.risk.score.changed"?');
  });
});

describe('missing-agreement', () => {
  it('passes when an agreement covers the consumed offer', async () => {
    expect(await findingsOf('missing-agreement', BASE)).toEqual([]);
  });
  it("warns when a subscription consumes another cell's events without an agreement", async () => {
    const [finding] = await findingsOf('missing-agreement', variant({ 'agreements.yaml': '' }));
    expect(finding).toMatchObject({ severity: 'warning', kind: 'Subscription', line: 7 });
    expect(finding?.message).toBe(
      `finance consumes com.acme.risk.score.changed from risk's offer "risk-signals", but no Agreement covers it.`,
    );
    expect(finding?.hint).toContain('provider: cell:risk, offer: risk-signals, consumer: cell:finance');
  });
  it('warns when an expectation names a provider without an agreement', async () => {
    const files = edit(
      'cells.yaml',
      '      roles: [facilitator]\n',
      '      roles: [facilitator]\n  expectations:\n    - { name: credit, description: Credit requests., provider: cell:finance }\n',
    );
    const [finding] = await findingsOf('missing-agreement', files);
    expect(finding).toMatchObject({ name: 'risk', path: 'spec.expectations[0].provider' });
  });
});

describe('agreement-exit-criteria', () => {
  it('passes with exit criteria', async () => {
    expect(await findingsOf('agreement-exit-criteria', BASE)).toEqual([]);
  });
  it('warns without them', async () => {
    const [finding] = await findingsOf(
      'agreement-exit-criteria',
      edit('agreements.yaml', '  exitCriteria:\n    - Finance stops deciding credit.\n', ''),
    );
    expect(finding).toMatchObject({ severity: 'warning', name: 'risk-for-finance', line: 5, column: 1 });
  });
});

describe('agreement-slo', () => {
  it('passes with an SLO over offered types', async () => {
    expect(await findingsOf('agreement-slo', BASE)).toEqual([]);
  });
  it('warns without SLOs, and about an SLO counting a type nobody offers', async () => {
    const none = await findingsOf(
      'agreement-slo',
      variant({ 'agreements.yaml': BASE['agreements.yaml']!.split('  slos:')[0]! }),
    );
    expect(none[0]?.message).toBe('Agreement "risk-for-finance" has no SLO, so its health cannot be measured.');
    const unmeasurable = await findingsOf(
      'agreement-slo',
      edit('agreements.yaml', 'request: com.acme.risk.score.requested', 'request: com.acme.risk.score.asked'),
    );
    expect(unmeasurable[0]).toMatchObject({ path: 'spec.slos[0].request', line: 15 });
  });
});

describe('collaboration-duration', () => {
  it('passes a collaboration within its duration', async () => {
    const files = variant({ 'pairing.yaml': `${AGREEMENT_HEAD}  since: 2026-11-02\n  duration: 6w\n` });
    expect(await findingsOf('collaboration-duration', files)).toEqual([]);
  });
  it('warns about a collaboration without a duration', async () => {
    const [finding] = await findingsOf('collaboration-duration', variant({ 'pairing.yaml': AGREEMENT_HEAD }));
    expect(finding?.message).toMatch(/has no duration; collaboration is meant to be temporary/);
  });
  it('warns about a collaboration that ran past its duration, with the end date', async () => {
    const [finding] = await findingsOf(
      'collaboration-duration',
      variant({ 'pairing.yaml': `${AGREEMENT_HEAD}  since: 2026-09-01\n  duration: 6w\n` }),
    );
    expect(finding).toMatchObject({ file: 'pairing.yaml', line: 13, column: 10 });
    expect(finding?.message).toBe('Collaboration "pairing" ended on 2026-10-13 (2026-09-01 + 6w), 49 days ago.');
  });
});

describe('cell-facilitator', () => {
  it('passes when each cell has a facilitator', async () => {
    expect(await findingsOf('cell-facilitator', BASE)).toEqual([]);
  });
  it('fails a cell without one, at its members', async () => {
    const [finding] = await findingsOf(
      'cell-facilitator',
      edit('cells.yaml', 'roles: [facilitator, lead]', 'roles: [lead]'),
    );
    expect(finding).toMatchObject({ severity: 'error', name: 'finance', path: 'spec.members', line: 29, column: 5 });
  });
});

describe('tension types', () => {
  it('pass when decision rights use defined types and every type has one', async () => {
    expect(await findingsOf('tension-type-undefined', BASE)).toEqual([]);
    expect(await findingsOf('tension-type-undecided', BASE)).toEqual([]);
  });
  it('fail a decision right for an undefined tension type', async () => {
    const [finding] = await findingsOf(
      'tension-type-undefined',
      edit('governance.yaml', 'tensionType: interface', 'tensionType: interfase'),
    );
    expect(finding).toMatchObject({ kind: 'DecisionRight', name: 'interface', line: 17, column: 16 });
    expect(finding?.message).toContain('did you mean "interface"?');
  });
  it('warn about a defined tension type nobody may decide', async () => {
    const [finding] = await findingsOf(
      'tension-type-undecided',
      edit('organization.yaml', '    - name: interface\n', '    - name: interface\n    - name: capacity\n'),
    );
    expect(finding).toMatchObject({ severity: 'warning', kind: 'Organization', line: 15, column: 13 });
  });
});

describe('organization rules', () => {
  it('pass for one organization with a one-sentence purpose and 1 to 5 criteria', async () => {
    for (const id of ['organization-count', 'organization-purpose', 'organization-criteria'])
      expect(await findingsOf(id, BASE)).toEqual([]);
    const abbreviation = edit(
      'organization.yaml',
      'purpose: Acme finances equipment fairly.',
      'purpose: Acme finances equipment, e.g. presses and lathes, fairly.',
    );
    expect(await findingsOf('organization-purpose', abbreviation)).toEqual([]);
  });
  it('fail without an organization, pointing at the folder', async () => {
    const { dir, findings } = await validate(variant({ 'organization.yaml': '' }));
    const missing = findings.find((f) => f.ruleId === 'organization-count');
    expect(missing).toMatchObject({ file: '', line: 0 });
    expect(dir).toBeTruthy();
  });
  it('fail a second organization', async () => {
    const [finding] = await findingsOf(
      'organization-count',
      variant({ 'second.yaml': BASE['organization.yaml']!.replace('name: acme', 'name: acme-two') }),
    );
    expect(finding?.message).toMatch(/^A second Organization is defined; the first is acme at /);
  });
  it('fail a purpose of two sentences', async () => {
    const [finding] = await findingsOf(
      'organization-purpose',
      edit('organization.yaml', 'fairly.', 'fairly. We also build it.'),
    );
    expect(finding).toMatchObject({ line: 6, column: 12 });
  });
  it('fail zero or six criteria', async () => {
    const six = Array.from({ length: 6 }, (_, i) => `    - { name: c${i}, weight: 10 }\n`).join('');
    const tooMany = edit(
      'organization.yaml',
      '    - name: customer-trust\n      weight: 60\n    - name: cost-to-serve\n      weight: 40\n',
      six,
    );
    expect((await findingsOf('organization-criteria', tooMany))[0]?.message).toMatch(
      /There are 6 prioritization criteria/,
    );
    const none = edit(
      'organization.yaml',
      '  criteria:\n    - name: customer-trust\n      weight: 60\n    - name: cost-to-serve\n      weight: 40\n',
      '  criteria: []\n',
    );
    expect((await findingsOf('organization-criteria', none))[0]).toMatchObject({
      line: 7,
      message: 'There are no prioritization criteria, so tensions cannot be weighed.',
    });
  });
});

describe('offer-limits', () => {
  it('passes an offer with limits', async () => {
    expect(await findingsOf('offer-limits', BASE)).toEqual([]);
  });
  it('warns about an offer without limits, and one with empty limits', async () => {
    const without = await findingsOf(
      'offer-limits',
      edit('cells.yaml', '      limits:\n        rate: 10 events/s\n', ''),
    );
    expect(without[0]).toMatchObject({ severity: 'warning', path: 'spec.offers[0]', line: 13, column: 7 });
    const empty = await findingsOf(
      'offer-limits',
      edit('cells.yaml', '        rate: 10 events/s\n', '        outOfScope: []\n'),
    );
    expect(empty[0]?.path).toBe('spec.offers[0].limits');
  });
});

describe('offer-schema', () => {
  const withSchema = (schema: string) =>
    edit(
      'cells.yaml',
      '        - type: com.acme.risk.score.changed\n',
      `        - type: com.acme.risk.score.changed\n          schema: ${schema}\n`,
    );
  it('passes a valid schema whose patterns RE2 runs, nested quantifiers included', async () => {
    expect(
      await findingsOf(
        'offer-schema',
        withSchema('{ type: object, properties: { model: { type: string, pattern: "^(v[0-9]+)+$" } } }'),
      ),
    ).toEqual([]);
  });
  it('fails a schema that does not compile, at the schema, saying why', async () => {
    const [finding] = await findingsOf('offer-schema', withSchema('{ type: objekt }'));
    expect(finding).toMatchObject({
      severity: 'error',
      file: 'cells.yaml',
      line: 17,
      column: 19,
      kind: 'Cell',
      name: 'risk',
    });
    expect(finding?.message).toMatch(/^The data schema of com.acme.risk.score.changed cannot be used: .*type/);
  });
  it('fails a pattern with a backreference, which only a backtracking engine could run', async () => {
    const [finding] = await findingsOf(
      'offer-schema',
      withSchema('{ type: object, properties: { model: { type: string, pattern: "(a)\\\\1" } } }'),
    );
    expect(finding?.message).toMatch(/no backreferences/);
  });
});

describe('CEL rules', () => {
  const guardrail = (expression: string, target = 'events') =>
    variant({
      'guardrail.yaml': `apiVersion: cello/v1\nkind: Guardrail\nmetadata:\n  name: g\nspec:\n  target: ${target}\n  expression: ${expression}\n  action: deny\n  message: Scores are probabilities.\n`,
    });
  it('pass valid guardrail and filter expressions', async () => {
    expect(await findingsOf('guardrail-cel', guardrail('event.data.score <= 1.0'))).toEqual([]);
    expect(await findingsOf('subscription-filter-cel', BASE)).toEqual([]);
  });
  it('fail a guardrail with invalid CEL at the character inside the YAML line', async () => {
    const [finding] = await findingsOf('guardrail-cel', guardrail('event.data.score <= )'));
    expect(finding).toMatchObject({ file: 'guardrail.yaml', line: 7, column: 35 });
    expect(finding?.message).toMatch(/^The expression is not valid CEL at column 21: /);
  });
  it('fail a guardrail that reads a variable its target does not provide', async () => {
    const [finding] = await findingsOf('guardrail-cel', guardrail('event.kind == "Cell"', 'manifests'));
    expect(finding?.message).toContain('"event" is not a variable here');
    expect(finding?.hint).toContain('use "manifest"');
  });
  it('fail a subscription filter with invalid CEL, and a regex RE2 cannot run', async () => {
    const [broken] = await findingsOf(
      'subscription-filter-cel',
      edit('subscriptions.yaml', 'filter: event.data.score > 0.8', 'filter: event.data.score >'),
    );
    expect(broken).toMatchObject({ line: 8, column: 29 });
    const [regex] = await findingsOf(
      'subscription-filter-cel',
      edit('subscriptions.yaml', 'filter: event.data.score > 0.8', `filter: 'event.subject.matches("(a)\\\\1")'`),
    );
    expect(regex?.message).toMatch(/no backreferences/);
  });
  it('fail other expressions (emit data) through expression-cel', async () => {
    const files = edit(
      'subscriptions.yaml',
      '    - webhook: { url: "http://127.0.0.1:4100/hooks/risk" }',
      '    - emit: { type: com.acme.finance.risk.seen, data: "event.data +" }',
    );
    expect(await findingsOf('expression-cel', files)).toHaveLength(1);
  });
});

describe('guardrail-violated', () => {
  const manifestGuardrail = (expression: string, action: string) =>
    variant({
      'guardrail.yaml': `apiVersion: cello/v1\nkind: Guardrail\nmetadata:\n  name: two-members\nspec:\n  target: manifests\n  kinds: [Cell]\n  expression: ${expression}\n  action: ${action}\n  message: Nobody works alone.\n`,
    });
  it('passes when every targeted manifest meets it', async () => {
    expect(
      await findingsOf('guardrail-violated', manifestGuardrail('size(manifest.spec.members) >= 1', 'deny')),
    ).toEqual([]);
  });
  it('reports each manifest that does not, as error for deny and warning for warn', async () => {
    const deny = await findingsOf('guardrail-violated', manifestGuardrail('size(manifest.spec.members) >= 2', 'deny'));
    expect(deny.map((f) => [f.name, f.severity])).toEqual([
      ['risk', 'error'],
      ['finance', 'error'],
    ]);
    expect(deny[0]?.message).toBe('Guardrail "two-members" (deny) is not met: Nobody works alone.');
    const warn = await findingsOf('guardrail-violated', manifestGuardrail('size(manifest.spec.members) >= 2', 'warn'));
    expect(warn.every((f) => f.severity === 'warning')).toBe(true);
  });
});

describe('duplicate-name and dangling-ref', () => {
  it('pass when names are unique and references resolve', async () => {
    expect(await findingsOf('duplicate-name', BASE)).toEqual([]);
    expect(await findingsOf('dangling-ref', BASE)).toEqual([]);
  });
  it('fail a second manifest of the same kind and name', async () => {
    const [finding] = await findingsOf('duplicate-name', variant({ 'more.yaml': BASE['domains.yaml']! }));
    expect(finding).toMatchObject({ file: 'more.yaml', line: 4, column: 9 });
    expect(finding?.message).toMatch(/^Domain "risk-scoring" is defined twice; the first is at .*domains\.yaml:1:1\.$/);
  });
  it('fail references to cells, domains, offers and criteria that do not exist', async () => {
    const files = edit('agreements.yaml', 'consumer: cell:finance', 'consumer: cell:financ', {
      'governance.yaml': BASE['governance.yaml']!.replace('criteria: [customer-trust]', 'criteria: [customer-trus]'),
      'cells.yaml': BASE['cells.yaml']!.replace(
        'domains: [domain:risk-scoring]',
        'domains: [domain:risk-scorin]',
      ).replace('offer: risk-signals', 'x'),
    });
    const findings = await findingsOf('dangling-ref', files);
    const messages = findings.map((f) => f.message);
    expect(messages).toContain('cell:financ refers to a Cell named "financ", but none exists; did you mean "finance"?');
    expect(findings.find((f) => f.message.startsWith('cell:financ'))?.hint).toBe(
      'change it to cell:finance, or create Cell "financ" if you meant a new one',
    );
    expect(messages).toContain(
      'domain:risk-scorin refers to a Domain named "risk-scorin", but none exists; did you mean "risk-scoring"?',
    );
    expect(messages.some((m) => m.includes('"customer-trus" is not one of the organization\'s criteria'))).toBe(true);
    const offer = await findingsOf(
      'dangling-ref',
      edit('agreements.yaml', 'offer: risk-signals', 'offer: risk-signal'),
    );
    expect(offer[0]?.message).toBe('Cell "risk" has no offer named "risk-signal"; did you mean "risk-signals"?');
  });
});
