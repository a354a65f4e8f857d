/**
 * A month of an organization (examples/acme, plus a risk webhook for platform incidents that fails): signals flow,
 * a dead letter and a guardrail violation raise tensions, a person raises a boundary tension between two cells,
 * the agenda is generated, the facilitator runs four weekly reviews, a consent decision changes an agreement to a
 * new version (written as YAML into the org folder), an experiment is reviewed, and the metrics come out exact.
 * Time is a ManualClock: nothing here waits for the calendar.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MODULE_MIGRATIONS, compileConfig, createApp, type App } from '../../src/app/index.js';
import { main, bufferedOutput } from '../../src/cli/index.js';
import { createToken } from '../../src/engine/index.js';
import type { GovernanceMetrics, TensionDetail } from '../../src/governance/index.js';
import { planChanges, validateFolder } from '../../src/manifests/index.js';
import { ManualClock, silentLogger } from '../../src/shared/index.js';
import { createSqliteStore } from '../../src/store/sqlite/index.js';
import { PROJECT_ROOT } from '../support/services.js';
import {
  AgreementVersioned,
  DeliveryDeadLettered,
  ExperimentConcluded,
  ManifestApplied,
  ProposalAccepted,
  ProposalMade,
  ReviewClosed,
  TensionEscalated,
  TensionRaised,
  TensionReopened,
  TensionUpdated,
} from '../../src/model/index.js';
import { expectCataloguedEvents } from '../support/cello-event-problems.js';

const H = 3_600_000;
const PEOPLE = {
  noah: { cell: 'platform', member: 'Noah Fischer' }, // facilitates the review; decides boundary tensions (consent)
  aiko: { cell: 'platform', member: 'Aiko Tanaka' }, // platform lead: decides interface tensions (advice)
  ingrid: { cell: 'finance', member: 'Ingrid Dahl' },
  carlos: { cell: 'finance', member: 'Carlos Mendes' },
  amara: { cell: 'risk', member: 'Amara Okafor' },
  sophie: { cell: 'cs-emea', member: 'Sophie Laurent' }, // decides process tensions (consent, in the review)
  platform: { cell: 'platform' },
  risk: { cell: 'risk' },
} as const;
type Person = keyof typeof PEOPLE;

let dir: string;
let orgDir: string;
let dataDir: string;
let app: App;
let url: string;
let hook: Server;
let hookCalls = 0;
const clock = new ManualClock('2027-01-25T09:00:00.000Z');
const tokens = {} as Record<Person, string>;
const ids: Record<string, string> = {};

async function cli(who: Person, ...args: string[]): Promise<string> {
  const output = bufferedOutput();
  const code = await main(['node', 'cello', ...args, '--url', url, '--token', tokens[who]], {
    output,
    env: {},
    cwd: dir,
  });
  if (code !== 0) throw new Error(`cello ${args.join(' ')} exited ${code}: ${output.stderr}`);
  return output.stdout;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function http<T = any>(
  who: Person,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  type = 'application/json',
): Promise<T> {
  const response = await app.api.inject({
    method,
    url: path,
    headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': type },
    ...(body ? { payload: JSON.stringify(body) } : {}),
  });
  if (response.statusCode >= 300) throw new Error(`${method} ${path} → ${response.statusCode}: ${response.body}`);
  return response.json() as T;
}

async function publish(who: Person, type: string, subject: string, data: unknown): Promise<void> {
  await http(
    who,
    'POST',
    '/v1/events',
    {
      specversion: '1.0',
      id: `${type}-${subject}-${clock.now().getTime()}`,
      source: `/acme/${PEOPLE[who].cell}`,
      type,
      subject,
      time: clock.now().toISOString(),
      data,
    },
    'application/cloudevents+json',
  );
}

/** Waits (briefly, by polling the detectors) until a detector's tension reaches the state wanted. */
async function detected(detector: string, test: (t: TensionDetail) => boolean): Promise<TensionDetail> {
  for (let i = 0; i < 400; i++) {
    await app.governance.settle();
    const { tensions } = await http<{ tensions: TensionDetail[] }>('noah', 'GET', '/v1/tensions');
    const found = tensions.find((t) => t.tension.detector === detector && test(t));
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no ${detector} tension appeared`);
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cello-month-'));
  orgDir = path.join(dir, 'acme');
  dataDir = path.join(dir, '.cello');
  hook = createServer((_request, response) => {
    hookCalls++;
    response.writeHead(500).end('risk intake is down');
  });
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  const port = (hook.address() as { port: number }).port;
  await cp(path.join(PROJECT_ROOT, 'examples/acme'), orgDir, { recursive: true });
  await writeFile(
    path.join(orgDir, 'subscriptions/risk-platform-incidents.yaml'),
    `apiVersion: cello/v1\nkind: Subscription\nmetadata:\n  name: risk-platform-incidents\nspec:\n  cell: cell:risk\n  types: [com.acme.platform.incident.opened]\n  actions:\n    - webhook:\n        url: http://127.0.0.1:${port}/hooks/incidents\n  delivery:\n    maxAttempts: 1\n    timeoutMs: 2000\n`,
  );
  await writeFile(
    path.join(orgDir, 'guardrails-incidents.yaml'),
    'apiVersion: cello/v1\nkind: Guardrail\nmetadata:\n  name: incidents-name-a-service\nspec:\n  target: events\n  eventTypes: [com.acme.platform.incident.opened]\n  expression: has(event.data.service)\n  action: warn\n  message: An incident names the service it affects, so consumers know whether it touches them.\n',
  );
  const store = createSqliteStore({ dataDir, clock, synchronous: 'normal' });
  await store.migrate(MODULE_MIGRATIONS);
  app = await createApp(compileConfig({ dataDir, org: orgDir, port: 0, env: { CELLO_LOG_LEVEL: 'silent' } }), {
    clock,
    store,
    logger: silentLogger,
    governance: { reviewCell: 'platform', checkIntervalMs: 0 },
  });
  url = await app.listen();
  for (const [name, spec] of Object.entries(PEOPLE))
    tokens[name as Person] = (await createToken(store.tokens, spec)).token;
});

afterAll(async () => {
  await app?.close();
  await new Promise((resolve) => hook?.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

describe('a month of Acme', () => {
  it('week 1, Monday: signals flow; a dead letter and a guardrail violation raise tensions', async () => {
    clock.set('2027-01-25T10:00:00.000Z');
    await publish('risk', 'com.acme.risk.score.changed', 'loan-1001', { score: 0.42, model: 'gbm-7' });
    await publish('platform', 'com.acme.platform.incident.opened', 'inc-1', { title: 'Queue lag on the backbone' });
    await publish('platform', 'com.acme.platform.incident.resolved', 'inc-1', { title: 'Queue lag on the backbone' });
    const deadLetter = await detected('dead-letters', () => true);
    expect(hookCalls).toBe(1);
    expect(deadLetter.tension).toMatchObject({
      type: 'interface',
      cells: ['platform', 'risk'],
      subject: 'subscription:risk-platform-incidents',
      observedAt: '2027-01-25T10:00:00.000Z',
      raisedAt: '2027-01-25T10:00:00.000Z',
    });
    expect(deadLetter.route).toMatchObject({
      routed: true,
      deciderCell: 'platform',
      deciderRole: 'lead',
      method: 'advice',
    });
    ids.deadLetter = deadLetter.tension.id;
    const guardrail = await detected('guardrail', () => true);
    expect(guardrail.tension).toMatchObject({
      type: 'process',
      cells: ['platform'],
      subject: 'guardrail:incidents-name-a-service/cell:platform',
      occurrences: 1,
    });
    ids.guardrail = guardrail.tension.id;
  });

  it('week 1, Monday: a person raises a boundary tension between finance and risk', async () => {
    clock.set('2027-01-25T11:00:00.000Z');
    const out = await cli(
      'ingrid',
      'tension',
      'raise',
      '--title',
      "Finance declines credit while risk's score is still pending",
      '--type',
      'boundary',
      '--cells',
      'finance,risk',
      '--severity',
      'high',
      '--observed-at',
      '2027-01-22T09:00:00Z',
      '--evidence',
      'agreement:risk-signals-for-finance',
      '--rate',
      'customer-trust=4',
      '--rate',
      'time-to-decision=5',
      '--json',
    );
    const raised = JSON.parse(out) as TensionDetail;
    expect(raised.tension).toMatchObject({ raisedBy: 'Ingrid Dahl of cell:finance', state: 'open' });
    expect(raised.score.explanation).toBe(
      'customer-trust 4 × 40 = 160 + time-to-decision 5 × 25 = 125 + cost-to-serve unrated + team-sustainability unrated → 285 of 500',
    );
    expect(raised.route).toMatchObject({
      deciderCell: 'platform',
      deciderRole: 'facilitator',
      method: 'consent',
      forum: 'review',
    });
    ids.boundary = raised.tension.id;
    const shown = await cli('carlos', 'tension', 'show', ids.boundary!);
    expect(shown).toContain(
      'route: consent by members of cell:platform with the facilitator role (Noah Fischer), in the review',
    );
    expect(await cli('carlos', 'tension', 'list', '--state', 'open')).toContain(`${ids.boundary}  open      boundary`);
    clock.set('2027-01-26T10:00:00.000Z');
    await cli(
      'amara',
      'tension',
      'advise',
      ids.deadLetter!,
      'Our intake was down; retry after 5 minutes would have saved it.',
    );
    await cli('carlos', 'tension', 'advise', ids.deadLetter!, 'Finance does not depend on this hook.');
  });

  it('week 1, Wednesday: the agenda is generated and the facilitator runs the review', async () => {
    clock.set('2027-01-27T12:00:00.000Z');
    expect((await app.governance.tick()).planned).toBe('R-1');
    const plan = await cli('noah', 'review', 'plan', '--json');
    const review = JSON.parse(plan);
    expect(review).toMatchObject({
      id: 'R-1',
      state: 'planned',
      cell: 'platform',
      scheduledFor: '2027-01-27T13:00:00.000Z',
    });
    const order = review.agenda.map((i: { tensionId: string }) => i.tensionId);
    expect(order.indexOf(ids.boundary)).toBe(0);
    expect(order.indexOf(ids.deadLetter)).toBeLessThan(order.indexOf(ids.guardrail));
    expect(review.agenda[0].evidence.agreements.map((a: { name: string }) => a.name)).toEqual([
      'risk-signals-for-finance',
    ]);

    clock.set('2027-01-27T13:00:00.000Z');
    await cli('noah', 'review', 'start');
    const proposed = await cli(
      'noah',
      'review',
      'decide',
      ids.boundary!,
      '--outcome',
      'change-agreement',
      '--agreement',
      'risk-signals-for-finance',
      '--set',
      'spec.slos[0].within=2m',
      '--set',
      'spec.reviewDate=2027-04-28',
      '--criteria',
      'customer-trust,team-sustainability',
      '--rationale',
      'A score within two minutes lets finance wait for it instead of declining.',
    );
    expect(proposed).toContain('(consent)');
    expect(proposed).toContain('spec.slos[0].within: "5m" → "2m"');
    await expect(
      cli('ingrid', 'review', 'decide', ids.deadLetter!, '--outcome', 'drop', '--reason', 'x'),
    ).rejects.toThrow(
      /Only members of cell:platform with the lead role \(Aiko Tanaka\) may decide "interface" tensions/,
    );
    const experiment = await cli(
      'aiko',
      'review',
      'decide',
      ids.deadLetter!,
      '--outcome',
      'experiment',
      '--move',
      'Retry incident webhooks after 5 minutes for two weeks',
      '--metric',
      'dead letters per week on risk-platform-incidents',
      '--review-date',
      '2w',
      '--rationale',
      'Risk advised that its intake recovers within minutes.',
    );
    expect(experiment).toContain('D-1');

    clock.set('2027-01-27T13:30:00.000Z');
    const closed = await cli('noah', 'review', 'close', '--write-to', orgDir);
    expect(closed).toContain('2 of');
    expect(closed).toContain('new version: agreement:risk-signals-for-finance v2');
  });

  it('the consent decision made the agreement a new version, written as YAML the org repository can take', async () => {
    const history = await http('ingrid', 'GET', '/v1/manifests/Agreement/risk-signals-for-finance/history');
    expect(history.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(history.versions[1].manifest.spec.slos[0].within).toBe('2m');
    const proposal = parse(
      await readFile(path.join(dataDir, 'proposals/agreement-risk-signals-for-finance-v2.yaml'), 'utf8'),
    );
    expect(proposal.spec).toMatchObject({ reviewDate: '2027-04-28', slos: [{ within: '2m' }] });
    const inRepo = await readFile(path.join(orgDir, 'agreements/risk-signals-for-finance.yaml'), 'utf8');
    expect(inRepo.split('\n')[0]).toBe('# yaml-language-server: $schema=../../../schemas/cello.json');
    expect(inRepo).toContain('within: 2m');
    const folder = await validateFolder(orgDir, { now: clock.now() });
    const plan = planChanges(folder.manifests, await app.store.manifests.current());
    expect(plan.items.filter((i) => i.ref === 'agreement:risk-signals-for-finance')).toEqual([]);
    const decided = await http('noah', 'GET', `/v1/tensions/${ids.boundary}`);
    expect(decided.tension.state).toBe('resolved');
    expect(decided.decisions[0]).toMatchObject({
      id: 'D-2',
      method: 'consent',
      decidedBy: 'Noah Fischer of cell:platform (consent: no objection in the window)',
      criteria: ['customer-trust', 'team-sustainability'],
    });
    const log = await http('noah', 'GET', '/v1/decisions?review=R-1');
    expect(
      log.decisions.map((d: { id: string; outcome: string; method: string; reviewDate?: string }) => [
        d.id,
        d.outcome,
        d.method,
        d.reviewDate,
      ]),
    ).toEqual([
      ['D-1', 'experiment', 'advice', '2027-02-10'],
      ['D-2', 'change-agreement', 'consent', undefined],
    ]);
    const minutes = await cli('noah', 'review', 'minutes', '--review', 'R-1');
    expect(minutes).toContain('### D-2 on ' + ids.boundary + ': change-agreement');
    expect(minutes).toContain(
      '- Experiment E-1: Retry incident webhooks after 5 minutes for two weeks; watch dead letters per week on risk-platform-incidents; review 2027-02-10',
    );
  });

  it('week 2: an agreement comes due; the review ends without a decision', async () => {
    clock.set('2027-02-03T12:00:00.000Z');
    const tick = await app.governance.tick();
    expect(tick).toMatchObject({ planned: 'R-2', due: { agreements: 1 } });
    const review = await http('noah', 'GET', '/v1/reviews/current');
    const agreementItem = review.agenda.find((i: { kind: string }) => i.kind === 'agreement');
    expect(agreementItem.title).toBe(
      'Agreement support-intake-for-cs-americas (cell:platform → cell:cs-americas) is due for review since 2027-02-01',
    );
    ids.agreementReview = agreementItem.tensionId;
    expect(review.agenda.map((i: { tensionId: string }) => i.tensionId)).toContain(ids.guardrail);
    clock.set('2027-02-03T13:00:00.000Z');
    await cli('noah', 'review', 'start');
    clock.set('2027-02-03T13:30:00.000Z');
    const closed = JSON.parse(await cli('noah', 'review', 'close', '--json'));
    expect(closed).toMatchObject({ id: 'R-2', decided: 0, noDecision: true });
  });

  it('week 3: the experiment is reviewed and kept as an agreement change; the guardrail tension is escalated', async () => {
    clock.set('2027-02-10T12:00:00.000Z');
    expect(await app.governance.tick()).toMatchObject({ planned: 'R-3', due: { experiments: 1 } });
    const review = await http('noah', 'GET', '/v1/reviews/current');
    const experimentItem = review.agenda.find((i: { kind: string }) => i.kind === 'experiment');
    ids.experimentReview = experimentItem.tensionId;
    clock.set('2027-02-10T13:00:00.000Z');
    await cli('noah', 'review', 'start');
    await cli('amara', 'tension', 'advise', ids.experimentReview!, 'No dead letters since the retry.');
    await cli('carlos', 'tension', 'advise', ids.experimentReview!, 'Keep it.');
    const kept = await cli(
      'aiko',
      'review',
      'decide',
      ids.experimentReview!,
      '--outcome',
      'change-agreement',
      '--agreement',
      'backbone-for-risk',
      '--set',
      "spec.entryCriteria[1]=Risk's webhooks answer within 2 seconds and are retried after 5 minutes.",
      '--rationale',
      'The retry worked; make it part of the agreement.',
      '--result',
      'Dead letters on risk-platform-incidents fell from 1 a week to 0.',
    );
    expect(kept).toContain('new version: agreement:backbone-for-risk v2');
    const escalated = await cli(
      'sophie',
      'review',
      'decide',
      ids.guardrail!,
      '--outcome',
      'escalate',
      '--to',
      'cell:platform',
      '--reason',
      "Incident payloads are platform's format; platform owns the fix.",
    );
    expect(escalated).toContain('(consent)');
    clock.set('2027-02-10T13:30:00.000Z');
    expect(JSON.parse(await cli('noah', 'review', 'close', '--json'))).toMatchObject({
      id: 'R-3',
      decided: 2,
      noDecision: false,
    });
    const experiments = await http('noah', 'GET', '/v1/experiments');
    expect(experiments.experiments[0]).toMatchObject({
      id: 'E-1',
      state: 'concluded',
      result: 'Dead letters on risk-platform-incidents fell from 1 a week to 0.',
    });
    expect((await http('noah', 'GET', `/v1/tensions/${ids.deadLetter}`)).tension.state).toBe('resolved');
  });

  it('week 4: the dead letters come back, and the tension reopens rather than duplicating', async () => {
    clock.set('2027-02-17T10:00:00.000Z');
    await publish('platform', 'com.acme.platform.incident.opened', 'inc-2', {
      title: 'Disk full',
      service: 'backbone',
    });
    await publish('platform', 'com.acme.platform.incident.resolved', 'inc-2', {
      title: 'Disk full',
      service: 'backbone',
    });
    const reopened = await detected('dead-letters', (t) => t.tension.state === 'open');
    expect(reopened.tension).toMatchObject({ id: ids.deadLetter, reopened: 1, occurrences: 2 });
  });

  it('the metrics come out of the record', async () => {
    const metrics = JSON.parse(
      await cli('noah', 'review', 'metrics', '--json', '--from', '2027-01-25T09:30:00Z'),
    ) as GovernanceMetrics;
    expect(metrics.tensions).toEqual({
      raised: 5,
      byOrigin: { person: 1, detector: 4 },
      byState: { open: 3, scheduled: 0, decided: 0, resolved: 2, dropped: 0 },
      unrouted: 0,
    });
    // Surfacing: dead letter 0, guardrail 0, experiment review 12h, agreement review 60h, boundary 74h.
    expect(metrics.timeToSurface).toMatchObject({ count: 5, medianMs: 12 * H, meanMs: 29.2 * H });
    expect(metrics.timeToSurface.byOrigin.person.medianMs).toBe(74 * H);
    expect(metrics.timeToSurface.byOrigin.detector.medianMs).toBe(6 * H);
    // Deciding: experiment review 1h, boundary 50.5h, dead letter 51h, guardrail (escalated) 387.5h.
    expect(metrics.timeToDecision).toMatchObject({ count: 4, medianMs: 50.75 * H, meanMs: 122.5 * H });
    expect(metrics.reviews).toEqual({
      closed: 3,
      withoutDecision: 1,
      shareWithoutDecision: 1 / 3,
      byWeek: [
        { week: '2027-W04', closed: 1, withoutDecision: 0, share: 0 },
        { week: '2027-W05', closed: 1, withoutDecision: 1, share: 1 },
        { week: '2027-W06', closed: 1, withoutDecision: 0, share: 0 },
      ],
    });
    expect(metrics.reopened).toEqual({ tensions: 1, times: 1 });
    expect(metrics.escalations).toBe(1);
    expect(metrics.workflowEscalations).toBe(0);
  });

  it('every act is an event in the log, with the tension as its subject', async () => {
    const events = await app.store.events.query({
      types: ['dev.cello.tension.*', 'dev.cello.proposal.*', 'dev.cello.agreement.*'],
      subject: ids.boundary,
      limit: 50,
    });
    expect(events.map((e) => e.type)).toEqual([
      'dev.cello.tension.raised',
      'dev.cello.tension.scheduled',
      'dev.cello.proposal.made',
      'dev.cello.proposal.accepted',
      'dev.cello.tension.decided',
      'dev.cello.agreement.versioned',
      'dev.cello.tension.resolved',
    ]);
    const reviews = await app.store.events.query({ types: ['dev.cello.review.*'], limit: 50 });
    expect(
      reviews
        .filter((e) => e.type === 'dev.cello.review.closed')
        .map((e) => (e.data as { noDecision: boolean }).noDecision),
    ).toEqual([false, true, false]);
  });

  it('left only Cello events the event catalogue describes, data and source included', async () => {
    await expectCataloguedEvents(app.store.events, [
      TensionRaised,
      TensionUpdated,
      TensionReopened,
      TensionEscalated,
      ProposalMade,
      ProposalAccepted,
      ReviewClosed,
      AgreementVersioned,
      ExperimentConcluded,
      DeliveryDeadLettered,
      ManifestApplied,
    ]);
  });
});
