import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { compileConfig, createApp, type App } from '../../src/app/index.js';
import { createToken } from '../../src/engine/index.js';
import { CHROMIUM_PATH, PROJECT_ROOT, checkChromium, describeWith } from '../support/services.js';
import { ensureDashboardBuilt } from './dashboard-build.js';

const SHOTS = path.join(PROJECT_ROOT, 'test-artifacts', 'dashboard');
const COLLABORATION = 'agreements/support-intake-for-cs-americas.yaml';

/**
 * examples/acme, copied, with one change: the platform/cs-americas collaboration started 400 days ago, so it has
 * run past its 26 weeks and insights recommend x-as-a-service to cell:platform (a recommendation to accept).
 */
function exampleOrganization(into: string): string {
  const org = path.join(into, 'acme');
  cpSync(path.join(PROJECT_ROOT, 'examples/acme'), org, { recursive: true });
  const file = path.join(org, COLLABORATION);
  const since = new Date(Date.now() - 400 * 86_400_000).toISOString().slice(0, 10);
  const text = readFileSync(file, 'utf8');
  const changed = text.replace(/^(\s*since:\s*)\S+$/m, `$1${since}`);
  if (changed === text)
    throw new Error(
      `${file} has no "since:" line to move back; the recommendation journey needs a collaboration past its duration.`,
    );
  writeFileSync(file, changed);
  return org;
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The dashboard end to end: a real server (createApp with the example organization, SQLite in a temp folder,
 * port 0) and Debian's Chromium, walking the journeys a new user takes. Screenshots go to test-artifacts/dashboard.
 */
describeWith(checkChromium(), 'the dashboard in a real browser', () => {
  let dataDir: string;
  let app: App;
  let url: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const tokens = { admin: '', risk: '', manufacturingLead: '', platform: '' };
  const pageErrors: string[] = [];
  const apiRequests: URL[] = [];

  beforeAll(async () => {
    ensureDashboardBuilt();
    mkdirSync(SHOTS, { recursive: true });
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'cello-dashboard-'));
    const config = {
      ...compileConfig({ dataDir: path.join(dataDir, 'data'), port: 0, org: exampleOrganization(dataDir), env: {} }),
      logLevel: 'warn',
    };
    app = await createApp(config);
    url = await app.listen();
    tokens.admin = (await createToken(app.store.tokens, { admin: true, label: 'browser test' })).token;
    tokens.risk = (
      await createToken(app.store.tokens, { cell: 'risk', member: 'Amara Okafor', label: 'browser test' })
    ).token;
    tokens.manufacturingLead = (
      await createToken(app.store.tokens, { cell: 'manufacturing', member: 'Diego Alvarez', label: 'browser test' })
    ).token;
    tokens.platform = (
      await createToken(app.store.tokens, { cell: 'platform', member: 'Noah Fischer', label: 'browser test' })
    ).token;
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    // Fail a step with the locator that did not show up, well before the test's own timeout.
    context.setDefaultTimeout(10_000);
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('request', (request) => {
      const requested = new URL(request.url());
      if (request.method() === 'GET' && requested.pathname.startsWith('/v1/')) apiRequests.push(requested);
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const shot = async (name: string) => {
    // From the top, so the sticky header sits where it belongs in a full-page picture.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  };

  // When a journey fails, what the page showed at that moment is the first thing to look at.
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail' && page)
      await shot(`failed-${context.task.name.slice(0, 40).replace(/[^a-z0-9]+/gi, '-')}`);
  });

  async function signIn(token: string): Promise<void> {
    await page.goto(`${url}/sign-in`);
    const signOut = page.getByRole('button', { name: 'Sign out' });
    const field = page.getByLabel('Token');
    // The app first checks a token kept from before; wait until it shows either page.
    await field.or(signOut).first().waitFor();
    if (await signOut.isVisible()) await signOut.click();
    await field.fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  }

  it('refuses an unknown token with the server’s message, then signs in and out', async () => {
    await page.goto(url);
    await page.getByRole('heading', { name: 'Sign in to the dashboard' }).waitFor();
    await shot('01-sign-in');
    await page.getByLabel('Token').fill('cello_not-a-real-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('not known to this server');

    await page.getByLabel('Token').fill(tokens.admin);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Organization map' }).waitFor();
    expect(await page.getByTestId('whoami').textContent()).toMatch(/admin|Signed in/);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to the dashboard' }).waitFor();
    // The token was forgotten: a reload stays signed out.
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in to the dashboard' }).waitFor();
  });

  it('opens the map: cells grouped by domain, agreements as edges, event-type owners; a click opens the cell page', async () => {
    await signIn(tokens.admin);
    await page.goto(`${url}/map`);
    const map = page.getByTestId('org-map');
    await map.getByRole('link', { name: 'Risk', exact: true }).waitFor();
    for (const cell of ['Finance', 'Manufacturing', 'Demand Planning', 'Platform'])
      await map.getByRole('link', { name: cell, exact: true }).waitFor();
    expect(await page.locator('.react-flow__edge').count()).toBe(7);
    expect(await page.locator('.map-domain').count()).toBeGreaterThanOrEqual(5);
    const owners = page.getByRole('table').filter({ hasText: 'com.acme.risk.score.changed' });
    expect(await owners.getByRole('row', { name: /com\.acme\.risk\.score\.changed/ }).textContent()).toContain('risk');
    await shot('02-map');

    await map.getByRole('link', { name: 'Risk', exact: true }).click();
    await page.getByRole('heading', { name: 'Risk', level: 1 }).waitFor();
    expect(page.url()).toBe(`${url}/cells/risk`);
    for (const section of [
      'Members',
      'Offers',
      'Expectations',
      'Agreements',
      'Subscriptions',
      'Workflows',
      'Metrics',
    ]) {
      await page.getByRole('heading', { name: section, level: 2 }).waitFor();
    }
    expect(await page.getByRole('table').first().textContent()).toContain('Amara Okafor');
    await shot('03-cell-risk');

    // A deep link works on a fresh load (the server answers client paths with the app).
    await page.goto(`${url}/cells/finance`);
    await page.getByRole('heading', { name: 'Finance', level: 1 }).waitFor();
  });

  it('shows live signals: a published event appears in the stream, newest first', async () => {
    await signIn(tokens.admin);
    await page.goto(`${url}/signals`);
    await expect.poll(() => page.getByTestId('stream-status').textContent()).toBe('live');
    const response = await fetch(`${url}/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.risk}`, 'content-type': 'application/cloudevents+json' },
      body: JSON.stringify({
        specversion: '1.0',
        id: 'browser-1',
        source: 'risk/scoring',
        type: 'com.acme.risk.score.changed',
        subject: 'loan-4711',
        data: { score: 0.82 },
      }),
    });
    expect(response.status).toBe(202);
    const list = page.getByTestId('event-list');
    await list.getByText('com.acme.risk.score.changed').waitFor();
    expect(await list.locator('li').first().textContent()).toContain('loan-4711');

    await page.getByLabel('Type').fill('com.acme.finance.*');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => page.getByTestId('stream-status').textContent()).toBe('live');
    expect(await page.getByTestId('event-list').count()).toBe(0);
    await page.getByLabel('Type').fill('');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByTestId('event-list').getByText('com.acme.risk.score.changed').waitFor();
    await page.getByRole('heading', { name: 'Deliveries' }).waitFor();
    await shot('04-signals');
  });

  it('raises a tension on the board, rates it and comments on it', async () => {
    await signIn(tokens.risk);
    await page.goto(`${url}/tensions`);
    await page.getByTestId('tension-board').waitFor();
    await page.getByRole('button', { name: 'Raise a tension' }).click();
    await page.getByLabel('Title').fill('Plant capacity cannot absorb the new demand forecast');
    await page.getByLabel('Type').first().selectOption('capacity');
    await page.getByLabel('Severity').selectOption('high');
    await page.getByRole('checkbox', { name: 'manufacturing' }).check();
    await page.getByRole('checkbox', { name: 'risk' }).check();
    await page.getByLabel('Evidence (optional, one per line)').fill('agreement:demand-signals-for-manufacturing');
    await shot('05-raise-tension');
    await page.getByRole('button', { name: 'Raise tension' }).click();

    await page
      .getByRole('heading', { name: 'Plant capacity cannot absorb the new demand forecast', level: 1 })
      .waitFor();
    expect(page.url()).toMatch(/\/tensions\/T-\d+$/);
    expect(await page.getByTestId('tension-state').textContent()).toBe('open');

    await page.getByRole('group', { name: 'Rating of customer-trust' }).getByText('4', { exact: true }).click();
    await page.getByRole('group', { name: 'Rating of team-sustainability' }).getByText('5', { exact: true }).click();
    await page.getByRole('button', { name: 'Save ratings' }).click();
    await expect
      .poll(() => page.getByTestId('score-explanation').textContent())
      .toContain('customer-trust 4 × 40 = 160');

    await page.getByLabel('Your comment').fill('The forecast doubles the weekly volume from March.');
    await page.getByRole('button', { name: 'Post' }).click();
    await page
      .getByRole('list', { name: 'Comments and advice' })
      .getByText('The forecast doubles the weekly volume from March.')
      .waitFor();
    await shot('06-tension-detail');

    await page.getByRole('link', { name: 'Tensions' }).first().click();
    const open = page.getByRole('region', { name: /^Open/ });
    await open.getByText('Plant capacity cannot absorb the new demand forecast').waitFor();
    await shot('07-tension-board');
  });

  it('runs a review to a decision: plan, start, surface, decide with the agreement diff, close, minutes', async () => {
    // The facilitator (here the admin) plans and starts the review.
    await signIn(tokens.admin);
    await page.goto(`${url}/review`);
    await page.getByLabel('Held by (a cell with a facilitator)').selectOption('platform');
    await page.getByRole('button', { name: 'Generate the agenda' }).click();
    const agenda = page.getByRole('list', { name: 'Agenda' });
    await agenda.getByText('Plant capacity cannot absorb the new demand forecast').waitFor();
    await shot('08-review-planned');
    await page.getByRole('button', { name: 'Start the review' }).click();
    await page.getByTestId('review-runner').waitFor();

    // The decider of capacity tensions (the lead of cell:manufacturing) decides, on the projector.
    await signIn(tokens.manufacturingLead);
    await page.goto(`${url}/review`);
    await page.getByRole('button', { name: 'Large type' }).click();
    // Other items may be on the agenda too (detectors raise tensions); take ours.
    await page
      .getByTestId('review-runner')
      .getByRole('button', { name: /Plant capacity cannot absorb/ })
      .click();
    await page
      .getByTestId('review-runner')
      .getByRole('heading', { name: /Plant capacity cannot absorb/ })
      .waitFor();
    await page.getByTestId('review-runner').getByText('demand-signals-for-manufacturing').first().waitFor();
    await shot('09-review-surface');
    await page.getByRole('button', { name: 'Decide this item' }).click();
    await page.getByRole('button', { name: 'Change an agreement' }).click();
    await page.getByLabel('Agreement', { exact: true }).selectOption('demand-signals-for-manufacturing');
    await page.getByRole('combobox', { name: 'Field' }).fill('spec.reviewDate');
    await page.getByLabel('New value').fill('2027-01-15');
    await page
      .getByLabel('Rationale')
      .fill('Review the demand agreement once the second shift runs; capacity follows the forecast then.');
    await page.getByRole('button', { name: 'Record the decision' }).click();
    const update = page.getByTestId('item-update');
    await update.getByRole('list', { name: /agreement:demand-signals-for-manufacturing v1 → v2/ }).waitFor();
    expect(await update.textContent()).toContain('2027-01-15');
    await shot('10-review-decided');
    await page.getByRole('button', { name: 'Large type' }).click();

    // The facilitator closes it; the minutes record the decision.
    await signIn(tokens.admin);
    await page.goto(`${url}/review`);
    await page.getByRole('button', { name: 'Close the review' }).click();
    const minutes = page.getByTestId('minutes');
    await minutes.waitFor();
    expect(await minutes.textContent()).toContain('demand-signals-for-manufacturing');
    expect(await page.getByTestId('review-record').textContent()).toContain('Held by cell:platform');
    expect(await page.getByTestId('review-record').textContent()).toMatch(/1 of \d+ items? decided/);
    await shot('11-review-minutes');

    const agreement = (await (
      await fetch(`${url}/v1/manifests/Agreement/demand-signals-for-manufacturing`, {
        headers: { authorization: `Bearer ${tokens.admin}` },
      })
    ).json()) as {
      version: number;
      spec: { reviewDate: string };
    };
    expect(agreement).toMatchObject({ version: 2, spec: { reviewDate: '2027-01-15' } });
  });

  it('shows insights and accepts a recommendation as its owning cell', async () => {
    // Two platform incidents resolved within the promised 4 hours, timed by their own `time`: SLO figures to chart.
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
    const incident = (id: string, type: string, at: string) => ({
      specversion: '1.0',
      id,
      source: 'platform/status',
      type,
      subject: id.slice(0, 5),
      time: at,
    });
    const published = await fetch(`${url}/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.platform}`, 'content-type': 'application/cloudevents-batch+json' },
      body: JSON.stringify([
        incident('INC-1-open', 'com.acme.platform.incident.opened', hoursAgo(5)),
        incident('INC-1-done', 'com.acme.platform.incident.resolved', hoursAgo(4.5)),
        incident('INC-2-open', 'com.acme.platform.incident.opened', hoursAgo(3)),
        incident('INC-2-done', 'com.acme.platform.incident.resolved', hoursAgo(1)),
      ]),
    });
    expect(published.status).toBe(202);
    await signIn(tokens.admin);
    await page.goto(`${url}/insights`);
    await page.getByRole('heading', { name: 'Process map' }).waitFor();
    await page.getByTestId('slos').getByText('support-intake-for-cs-americas').waitFor();
    await page.getByTestId('health-report').waitFor();
    // Latency and SLO compliance over time (GET /v1/insights/timeseries), for the busiest SLO: the incidents'.
    const trends = page.getByTestId('slo-trends');
    await trends.getByRole('img', { name: /^Latency over time: backbone-for-/ }).waitFor();
    await trends.getByRole('img', { name: /^SLO compliance over time: backbone-for-/ }).waitFor();
    expect(await trends.getByLabel('Agreement SLO').inputValue()).toMatch(
      /^backbone-for-.*\/incidents-resolved-within-4h$/,
    );
    expect(await trends.locator('figure').nth(1).locator('table').textContent()).toContain('100%');
    // The check runs on a timer; the admin may run it at once.
    await page.getByRole('button', { name: 'Check now' }).click();
    const recommendation = page.getByRole('listitem', { name: /Collaboration support-intake-for-cs-americas ended/ });
    await recommendation.waitFor();
    await shot('12-insights');

    // Only the cell it is addressed to may accept it: cell:platform.
    await signIn(tokens.platform);
    await page.goto(`${url}/insights`);
    await recommendation.getByRole('button', { name: 'Accept…' }).click();
    await recommendation.getByLabel('Metric to watch').fill('hours per week spent on joint work');
    await recommendation.getByRole('button', { name: 'Accept as an experiment' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Accepted' }).count()).toBe(1);
    await shot('13-recommendation-accepted');

    const listed = (await (
      await fetch(`${url}/v1/insights/recommendations?state=accepted`, {
        headers: { authorization: `Bearer ${tokens.admin}` },
      })
    ).json()) as {
      recommendations: { title: string; decidedBy: string; cell: string }[];
    };
    expect(listed.recommendations).toEqual([
      expect.objectContaining({ cell: 'platform', decidedBy: expect.stringContaining('Noah Fischer') }),
    ]);
  });

  it('works from the keyboard: a skip link first, then the sections, landing on the page title', async () => {
    await signIn(tokens.admin);
    await page.goto(`${url}/map`);
    await page.getByRole('heading', { name: 'Organization map' }).waitFor();
    // Start from the top of the document, as after a fresh load.
    await page.evaluate(() => {
      document.body.tabIndex = -1;
      document.body.focus();
      document.body.removeAttribute('tabindex');
    });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Tensions' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Tensions', level: 1 }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('page-title');
    expect(await page.getByRole('link', { name: 'Tensions' }).first().getAttribute('aria-current')).toBe('page');
  });

  it('never asked for the whole log: every list request was bounded', () => {
    const bounded = (u: URL) => Number(u.searchParams.get('limit')) > 0 && Number(u.searchParams.get('limit')) <= 1000;
    const lists = apiRequests.filter((u) => ['/v1/deliveries', '/v1/tensions', '/v1/events'].includes(u.pathname));
    expect(lists.length).toBeGreaterThan(0);
    expect(lists.filter((u) => !bounded(u)).map(String)).toEqual([]);
    const streams = apiRequests.filter((u) => u.pathname === '/v1/events/stream');
    expect(streams.length).toBeGreaterThan(0);
    expect(streams.filter((u) => !u.searchParams.has('after')).map(String)).toEqual([]);
  });

  it('raised no error in the page along the way', () => {
    expect(pageErrors).toEqual([]);
  });
});
