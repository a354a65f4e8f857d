import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileConfig, createApp, type App } from '../../src/app/index.js';
import { bufferedOutput, main } from '../../src/cli/index.js';
import { createToken } from '../../src/engine/index.js';
import { readEventLogFile } from '../../src/insights/index.js';
import {
  CHROMIUM_PATH,
  DATASETS_DIR,
  PROJECT_ROOT,
  checkChromium,
  checkDatasets,
  describeWith,
} from '../support/services.js';
import { ensureDashboardBuilt } from './dashboard-build.js';

const SHOTS = path.join(PROJECT_ROOT, 'test-artifacts', 'maps');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'];
/** bpic2012's first cases, enough for all 24 activities and 120-odd arcs, in a few seconds. */
const BPIC_CASES = 4000;

interface Server {
  app: App;
  url: string;
  admin: string;
}

async function startServer(dir: string, org?: string): Promise<Server> {
  const config = {
    ...compileConfig({ dataDir: path.join(dir, 'data'), port: 0, ...(org ? { org } : {}), env: {} }),
    logLevel: 'warn',
  };
  const app = await createApp(config);
  const url = await app.listen();
  const admin = (await createToken(app.store.tokens, { admin: true, label: 'maps test' })).token;
  return { app, url, admin };
}

async function signIn(page: Page, server: Server): Promise<void> {
  await page.goto(`${server.url}/sign-in`);
  const signOut = page.getByRole('button', { name: 'Sign out' });
  const field = page.getByLabel('Token');
  await field.or(signOut).first().waitFor();
  if (await signOut.isVisible()) await signOut.click();
  await field.fill(server.admin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await signOut.waitFor();
}

const shot = (page: Page, name: string, fullPage = false) =>
  page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });

/** The process map's section alone: the map, its slider and its figures. */
const shotProcessMap = (page: Page, name: string) =>
  page
    .locator('section.card', { has: page.getByRole('heading', { name: 'Process map', level: 2 }) })
    .screenshot({ path: path.join(SHOTS, `${name}.png`) });

/** The smallest rendered font size of any text on a canvas: its CSS size times the viewport's scale. */
function smallestText(page: Page, canvas: string): Promise<{ px: number; text: string; count: number }> {
  return page.evaluate((testId) => {
    const viewport = document.querySelector<HTMLElement>(`[data-testid="${testId}"] .react-flow__viewport`)!;
    const scale = new DOMMatrix(getComputedStyle(viewport).transform).a;
    let smallest = { px: Number.POSITIVE_INFINITY, text: '', count: 0 };
    for (const element of Array.from(viewport.querySelectorAll('*'))) {
      const own = Array.from(element.childNodes).some(
        (n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '',
      );
      if (!own || element.getClientRects().length === 0) continue;
      const px = parseFloat(getComputedStyle(element).fontSize) * scale;
      smallest = {
        px: Math.min(px, smallest.px),
        text: px < smallest.px ? element.textContent! : smallest.text,
        count: smallest.count + 1,
      };
    }
    return smallest;
  }, canvas);
}

/**
 * Every drawn edge that passes through a node it does not connect, found on the screen: points along each edge's
 * path (every 2 px) against each node's box (2 px inside its border).
 */
function edgesThroughNodes(
  page: Page,
  canvas: string,
  nodeSelector: string,
  ends: Record<string, [string, string]>,
): Promise<string[]> {
  return page.evaluate(
    ({ testId, selector, ends }) => {
      const root = document.querySelector(`[data-testid="${testId}"]`)!;
      const nodes = Array.from(root.querySelectorAll<HTMLElement>(selector)).map((n) => ({
        id: n.dataset.id!,
        box: n.getBoundingClientRect(),
      }));
      const found: string[] = [];
      for (const edge of Array.from(root.querySelectorAll<SVGGElement>('.react-flow__edge'))) {
        const id = edge.dataset.id!;
        const path = edge.querySelector<SVGPathElement>('.react-flow__edge-path')!;
        const matrix = path.getScreenCTM()!;
        const length = path.getTotalLength();
        for (const node of nodes) {
          if (ends[id]?.includes(node.id)) continue;
          for (let at = 0; at <= length; at += 2) {
            const p = new DOMPoint(path.getPointAtLength(at).x, path.getPointAtLength(at).y).matrixTransform(matrix);
            const b = node.box;
            if (p.x > b.left + 2 && p.x < b.right - 2 && p.y > b.top + 2 && p.y < b.bottom - 2) {
              found.push(`${id} passes through ${node.id}`);
              break;
            }
          }
        }
      }
      return found;
    },
    { testId: canvas, selector: nodeSelector, ends },
  );
}

/** How much of the canvas the drawn nodes span, across and down (0..1), and whether they all lie inside it. */
function nodesSpan(page: Page, canvas: string): Promise<{ across: number; down: number; inside: boolean }> {
  return page.evaluate((testId) => {
    const root = document.querySelector(`[data-testid="${testId}"] .react-flow`)!.getBoundingClientRect();
    const boxes = Array.from(document.querySelectorAll(`[data-testid="${testId}"] .react-flow__node`)).map((n) =>
      n.getBoundingClientRect(),
    );
    const left = Math.min(...boxes.map((b) => b.left));
    const right = Math.max(...boxes.map((b) => b.right));
    const top = Math.min(...boxes.map((b) => b.top));
    const bottom = Math.max(...boxes.map((b) => b.bottom));
    return {
      across: (right - left) / root.width,
      down: (bottom - top) / root.height,
      inside: left >= root.left - 1 && right <= root.right + 1 && top >= root.top - 1 && bottom <= root.bottom + 1,
    };
  }, canvas);
}

/** Each process-map arc's id is `from→to`. */
async function arcEnds(page: Page): Promise<Record<string, [string, string]>> {
  const ids = await page
    .getByTestId('process-map')
    .locator('.react-flow__edge')
    .evaluateAll((edges) => edges.map((e) => (e as HTMLElement).dataset.id!));
  return Object.fromEntries(ids.map((id) => [id, id.split('→') as [string, string]]));
}

/**
 * The maps people judge the dashboard by, in Chromium against a real server: the organization map of
 * examples/acme, the process map of `cello simulate`'s history and of bpic2012 loaded into a store, and the
 * pages at 390 px. Screenshots go to test-artifacts/maps.
 */
describeWith(checkChromium(), 'the maps in a real browser', () => {
  let dir: string;
  let acme: Server;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ensureDashboardBuilt();
    mkdirSync(SHOTS, { recursive: true });
    dir = mkdtempSync(path.join(os.tmpdir(), 'cello-maps-'));
    const org = path.join(dir, 'acme');
    cpSync(path.join(PROJECT_ROOT, 'examples/acme'), org, { recursive: true });
    acme = await startServer(path.join(dir, 'acme-server'), org);
    const output = bufferedOutput();
    const code = await main(['node', 'cello', 'simulate', '--url', acme.url, '--token', acme.admin], {
      output,
      env: {},
      cwd: dir,
    });
    if (code !== 0) throw new Error(`cello simulate failed (${code}): ${output.stderr}`);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await acme?.app.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('draws every acme domain and cell, with the right counts, readable at the default fit', async () => {
    await signIn(page, acme);
    await page.goto(`${acme.url}/map`);
    const map = page.getByTestId('org-map');
    await map.getByRole('link', { name: 'Customer Service Americas', exact: true }).waitFor();
    await shot(page, 'org-map');
    expect(await map.locator('.map-domain').count()).toBe(8);
    expect(await map.locator('.map-cell').count()).toBe(7);
    const numbers = page.getByRole('definition');
    expect(await numbers.allTextContents()).toEqual(['7', '8', '7', expect.stringMatching(/^\d+$/)]);
    await map.locator('.map-domain', { hasText: 'support-tooling' }).getByRole('link', { name: 'Platform' }).waitFor();

    const smallest = await smallestText(page, 'org-map');
    expect(smallest.count).toBeGreaterThan(20);
    expect(smallest.px, `“${smallest.text}” renders at ${smallest.px.toFixed(1)} px`).toBeGreaterThanOrEqual(11);
    // Whole names: none is clamped or cut.
    const cut = await map
      .locator('.map-cell-name')
      .evaluateAll((names) =>
        names
          .filter((n) => n.scrollHeight > n.clientHeight + 1 || n.scrollWidth > n.clientWidth + 1)
          .map((n) => n.textContent),
      );
    expect(cut).toEqual([]);
    expect(await nodesSpan(page, 'org-map')).toMatchObject({ inside: true });
  });

  it('routes every agreement around the cards it does not connect, and tells the modes apart', async () => {
    const response = await fetch(`${acme.url}/v1/manifests?kind=Agreement`, {
      headers: { authorization: `Bearer ${acme.admin}` },
    });
    const { manifests } = (await response.json()) as {
      manifests: { metadata: { name: string }; spec: { provider: string; consumer: string; mode: string } }[];
    };
    const ends = Object.fromEntries(
      manifests.map((a) => [`agreement:${a.metadata.name}`, [a.spec.provider, a.spec.consumer] as [string, string]]),
    );
    const map = page.getByTestId('org-map');
    expect(await map.locator('.react-flow__edge').count()).toBe(7);
    expect(await edgesThroughNodes(page, 'org-map', '.react-flow__node-cell', ends)).toEqual([]);

    // On the map: a double line for collaboration, dots for facilitating, a solid line for x-as-a-service.
    const modeOf = (mode: string) => manifests.find((a) => a.spec.mode === mode)!.metadata.name;
    const edge = (mode: string) => map.locator(`.react-flow__edge[data-id="agreement:${modeOf(mode)}"]`);
    expect(await edge('collaboration').locator('.routed-edge-gap').count()).toBe(1);
    expect(await edge('facilitating').locator('.react-flow__edge-path').getAttribute('style')).toContain(
      'stroke-dasharray',
    );
    expect(await edge('x-as-a-service').locator('.routed-edge-gap').count()).toBe(0);
    // In the legend: each mode by its words, its own colour and its own pattern.
    const legend = await page.locator('.legend-modes li').evaluateAll((items) =>
      items.map((li) => {
        const line = li.querySelector('line')!;
        return {
          mode: li.querySelector('.mode-chip')!.textContent,
          colour: getComputedStyle(li.querySelector('.mode-chip')!).color,
          pattern: `${line.getAttribute('stroke-width')} ${line.getAttribute('stroke-dasharray') ?? ''} ${li.querySelectorAll('line').length}`,
        };
      }),
    );
    expect(legend.map((l) => l.mode)).toEqual(['collaboration', 'x-as-a-service', 'facilitating']);
    expect(new Set(legend.map((l) => l.colour)).size).toBe(3);
    expect(new Set(legend.map((l) => l.pattern)).size).toBe(3);
  });

  it('moves to the cells a search finds, and back to the whole map when it is cleared', async () => {
    const search = page.getByLabel('Find a cell or event type');
    await search.fill('Customer Service');
    await expect
      .poll(async () => {
        const { across, down } = await page.evaluate(() => {
          const canvas = document.querySelector('[data-testid="org-map"] .react-flow')!.getBoundingClientRect();
          const found = Array.from(document.querySelectorAll('[data-testid="org-map"] .map-cell:not(.dimmed)')).map(
            (c) => c.getBoundingClientRect(),
          );
          const width = Math.max(...found.map((b) => b.right)) - Math.min(...found.map((b) => b.left));
          const height = Math.max(...found.map((b) => b.bottom)) - Math.min(...found.map((b) => b.top));
          return { across: width / canvas.width, down: height / canvas.height };
        });
        return Math.max(across, down);
      })
      .toBeGreaterThan(0.5);
    await shot(page, 'org-map-search');
    await search.fill('');
    await expect.poll(async () => (await nodesSpan(page, 'org-map')).inside).toBe(true);
  });

  it('shows the acme process map readable, routed around its activities, and re-fits after “Mine”', async () => {
    await page.goto(`${acme.url}/insights`);
    const processMap = page.getByTestId('process-map');
    await processMap.locator('.react-flow__node').first().waitFor();
    await page.getByTestId('detail').waitFor();
    const smallest = await smallestText(page, 'process-map');
    expect(smallest.px, `“${smallest.text}” renders at ${smallest.px.toFixed(1)} px`).toBeGreaterThanOrEqual(11);
    expect(await edgesThroughNodes(page, 'process-map', '.react-flow__node', await arcEnds(page))).toEqual([]);
    await shotProcessMap(page, 'process-map-acme');

    // Mined again with a filter, the smaller map fills the view instead of sitting in a corner.
    await page.getByLabel('Event types').fill('com.acme.platform.*');
    await page.getByRole('button', { name: 'Mine' }).click();
    await expect.poll(() => processMap.locator('.react-flow__node').count()).toBeLessThanOrEqual(6);
    await expect
      .poll(async () => {
        const span = await nodesSpan(page, 'process-map');
        return span.inside && Math.max(span.across, span.down) > 0.7;
      })
      .toBe(true);
    expect((await smallestText(page, 'process-map')).px).toBeGreaterThanOrEqual(11);
    await shotProcessMap(page, 'process-map-acme-filtered');
  });

  describeWith(checkDatasets('eventlogs'), 'bpic2012 loaded into a store', () => {
    let bpic: Server;

    beforeAll(async () => {
      bpic = await startServer(path.join(dir, 'bpic-server'));
      const log = await readEventLogFile(path.join(DATASETS_DIR, 'eventlogs', 'bpic2012.xes.gz'));
      const events = [];
      for (let c = 0; c < Math.min(BPIC_CASES, log.caseIds.length); c++) {
        for (let i = log.caseOffsets[c]!; i < log.caseOffsets[c + 1]!; i++) {
          events.push({
            event: {
              specversion: '1.0' as const,
              id: `bpic-${i}`,
              source: '/bpic2012',
              type: log.activityNames[log.activity[i]!]!,
              subject: log.caseIds[c]!,
              time: new Date(log.timestamp[i]!).toISOString(),
            },
          });
        }
      }
      for (let at = 0; at < events.length; at += 5000) await bpic.app.store.events.append(events.slice(at, at + 5000));
    }, 180_000);

    afterAll(async () => {
      await bpic?.app.close();
    });

    it('opens collapsed to a readable map, and the slider brings the rarest arcs back', async () => {
      await signIn(page, bpic);
      await page.goto(`${bpic.url}/insights`);
      await page.getByLabel('Since').fill('2011-01-01T00:00:00Z');
      await page.getByRole('button', { name: 'Mine' }).click();
      const detail = page.getByTestId('detail');
      await expect.poll(() => detail.textContent()).toMatch(/of 24 activities/);
      const opened = Number(/(\d+)%/.exec((await detail.textContent())!)![1]);
      expect(opened).toBeLessThan(100);
      const smallest = await smallestText(page, 'process-map');
      expect(smallest.px, `“${smallest.text}” renders at ${smallest.px.toFixed(1)} px`).toBeGreaterThanOrEqual(11);
      expect(await edgesThroughNodes(page, 'process-map', '.react-flow__node', await arcEnds(page))).toEqual([]);
      await shotProcessMap(page, 'process-map-bpic2012');

      const slider = page.getByLabel('Arcs shown');
      await slider.fill('100');
      await expect.poll(() => detail.textContent()).toMatch(/^100%/);
      expect(await edgesThroughNodes(page, 'process-map', '.react-flow__node', await arcEnds(page))).toEqual([]);
      await shotProcessMap(page, 'process-map-bpic2012-all-arcs');
    });
  });

  describe('at 390 px wide', () => {
    it('keeps every section in reach and scrolls no page sideways', async () => {
      const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
      phone.setDefaultTimeout(15_000);
      try {
        await signIn(phone, acme);
        for (const [name, at, ready] of [
          ['map', '/map', 'Organization map'],
          ['signals', '/signals', 'Live signals'],
          ['tensions', '/tensions', 'Tensions'],
          ['review', '/review', 'Tension review'],
          ['insights', '/insights', 'Insights'],
          ['cell', '/cells/cs-americas', 'Customer Service Americas'],
        ] as const) {
          await phone.goto(`${acme.url}${at}`);
          await phone.getByRole('heading', { level: 1, name: ready }).waitFor();
          await phone.waitForTimeout(300);
          const { width, widest } = await phone.evaluate(() => ({
            width: document.documentElement.scrollWidth,
            // What sticks out, for the message: the outermost elements past the right edge.
            widest: Array.from(document.querySelectorAll('body *'))
              .filter(
                (e) =>
                  e.getBoundingClientRect().right > 390 &&
                  e.parentElement!.getBoundingClientRect().right <= 390 &&
                  !e.closest('.react-flow__viewport'),
              )
              .map(
                (e) =>
                  `${e.tagName.toLowerCase()}.${e.getAttribute('class')} (${Math.round(e.getBoundingClientRect().right)})`,
              )
              .slice(0, 5),
          }));
          expect(width, `${at} is ${width} px wide: ${widest.join(', ')}`).toBeLessThanOrEqual(390);
          // Nor is a control cut off by a box that hides what overflows it (outside the maps' canvases).
          const cut = await phone.evaluate(() =>
            Array.from(document.querySelectorAll('button, a, input, select'))
              .filter((control) => control.getClientRects().length > 0 && !control.closest('.react-flow'))
              .filter((control) => {
                const box = control.getBoundingClientRect();
                for (let up = control.parentElement; up; up = up.parentElement) {
                  if (getComputedStyle(up).overflowX === 'visible') continue;
                  const clip = up.getBoundingClientRect();
                  if (box.left < clip.left - 1 || box.right > clip.right + 1) return true;
                }
                return false;
              })
              .map((control) => control.textContent || control.getAttribute('aria-label')),
          );
          expect(cut, `controls cut off on ${at}`).toEqual([]);
          const nav = phone.getByRole('navigation', { name: 'Sections' });
          for (const section of ['Map', 'Signals', 'Tensions', 'Review', 'Insights']) {
            const box = (await nav.getByRole('link', { name: section }).boundingBox())!;
            expect(box.x, `${section} on ${at}`).toBeGreaterThanOrEqual(0);
            expect(box.x + box.width, `${section} on ${at}`).toBeLessThanOrEqual(390);
          }
          await shot(phone, `narrow-${name}`);
        }
      } finally {
        await phone.close();
      }
    });
  });
});
