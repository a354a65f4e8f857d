import type { PublishEvent } from '../../client/index.js';
import { simulateCreditCase } from './credit-story.js';
import { simulateDemandCase } from './demand-story.js';
import { simulateIncident } from './incident-story.js';
import { createSeededRandom, type SeededRandom } from './seeded-random.js';
import { SimulatedHistory } from './simulated-history.js';
import type { SlowCell } from './slow-cells.js';
import { simulateSupportCase } from './support-story.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface SimulationOptions {
  /** How far back the history reaches. */
  days: number;
  /** Loans, customer cases and forecast changes, in all. */
  cases: number;
  seed: number;
  slow?: SlowCell;
  /** The end of the history: nothing happens after it. */
  now: Date;
}

/** A simulated history of Acme, and how many cases of each story it holds. */
export interface Simulation {
  events: PublishEvent[];
  loans: number;
  supportCases: number;
  forecasts: number;
  incidents: number;
}

/**
 * Acme's coordination over the last `days`, as examples/acme describes it: loans through finance's credit
 * approval with risk's scores, customer cases in both regions, demand forecasts and manufacturing's plan
 * adjustments, and platform incidents. Deterministic: the same seed gives the same cases, ids and data (times
 * count back from `now`). Case numbers start at seed × 100,000, so different seeds never share a case.
 */
export function simulateAcmeHistory(options: SimulationOptions): Simulation {
  const { seed, slow } = options;
  const nowMs = options.now.getTime();
  const spanMs = options.days * DAY;
  const history = new SimulatedHistory(seed, nowMs);
  const number = (i: number) => seed * 100_000 + i + 1;
  const stream = (key: string) => createSeededRandom(`${seed}/${key}`);
  const startOf = (random: SeededRandom) => workingHours(nowMs - spanMs + random.next() * spanMs, random, nowMs);

  const loans = Math.round(options.cases * 0.4);
  const forecasts = Math.round(options.cases * 0.15);
  const supportCases = options.cases - loans - forecasts;
  // At least five: an SLO needs five requests in its window before a breach is called.
  const incidents = Math.max(5, Math.round(options.days / 2));

  for (let i = 0; i < loans; i++) {
    const subject = `loan-${number(i)}`;
    const random = stream(subject);
    simulateCreditCase(history, {
      subject,
      random,
      startMs: startOf(random),
      slowRisk: slow === 'risk',
      slowFinance: slow === 'finance',
    });
  }
  for (let i = 0; i < supportCases; i++) {
    const subject = `case-${number(i)}`;
    const random = stream(subject);
    simulateSupportCase(history, {
      subject,
      random,
      startMs: startOf(random),
      slowRegions: new Set(slow ? [slow] : []),
    });
  }
  for (let i = 0; i < forecasts; i++) {
    const key = `forecast-${number(i)}`;
    const random = stream(key);
    const dayMs = Math.floor((nowMs - spanMs + random.next() * spanMs) / DAY) * DAY;
    simulateDemandCase(history, { key, index: i, dayMs, random, slowManufacturing: slow === 'manufacturing' });
  }
  for (let i = 0; i < incidents; i++) {
    const subject = `incident-${number(i)}`;
    const random = stream(subject);
    simulateIncident(history, { subject, random, startMs: startOf(random), slowPlatform: slow === 'platform' });
  }
  return { events: history.events(), loans, supportCases, forecasts, incidents };
}

/** Most work starts in working hours (07:00–19:00 UTC): a time outside them usually moves into its day's. */
function workingHours(ms: number, random: SeededRandom, nowMs: number): number {
  const dayMs = Math.floor(ms / DAY) * DAY;
  const hour = (ms - dayMs) / HOUR;
  if ((hour >= 7 && hour < 19) || random.chance(0.2)) return ms;
  const moved = dayMs + (7 + (hour / 24) * 12) * HOUR;
  return moved <= nowMs ? moved : ms;
}
