import type { SeededRandom } from './seeded-random.js';
import type { SimulatedHistory } from './simulated-history.js';
import { LATE_SHARE } from './slow-cells.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Acme's products: a forecast case is one product (organization.yaml: spec.mining.caseIds). */
const FAMILIES = ['press', 'lathe', 'mill', 'drill', 'welder', 'laser', 'robot-arm', 'conveyor'];
const MODELS = [200, 320, 450, 60, 90];
export const SKUS = MODELS.flatMap((model) => FAMILIES.map((family) => `${family}-${model}`));

/** Manufacturing's workflow (workflows/manufacturing-production-adjustment.yaml): changes from 10% wait for a capacity check. */
const AUTO_ADJUST_BELOW = 10;

export interface DemandCase {
  /** The key of this forecast change, e.g. `forecast-100001`. */
  key: string;
  /** Which product: forecasts take the products in turn, so a product changes again only after all others did. */
  index: number;
  /** The day it happened (epoch ms of the simulated day's midnight, UTC). */
  dayMs: number;
  random: SeededRandom;
  /** Manufacturing answers late (`--slow manufacturing`). */
  slowManufacturing: boolean;
}

/**
 * One forecast change and manufacturing's answer: most forecasts are recomputed at night, urgent ones during the
 * day. Manufacturing adjusts the plan within hours; large changes wait for a planner's capacity check, who may
 * confirm less than the full change. Subject and `sku` are the product, so the SLO pairs forecast and plan by it.
 */
export function simulateDemandCase(history: SimulatedHistory, item: DemandCase): void {
  const { random } = item;
  const sku = SKUS[item.index % SKUS.length]!;
  const nightly = random.chance(0.75);
  const startMs = item.dayMs + (nightly ? random.between(HOUR, 3 * HOUR) : random.between(8 * HOUR, 17 * HOUR));
  const magnitude = random.between(3, 35, 1.8);
  const changePercent = Math.round((random.chance(0.55) ? magnitude : -magnitude) * 10) / 10;
  const horizonWeeks = random.int(2, 8);
  if (
    !history.add({
      key: `${item.key}.changed`,
      type: 'com.acme.demand.forecast.changed',
      source: '/demand-planning/forecasts',
      subject: sku,
      atMs: startMs,
      data: { sku, changePercent, horizonWeeks },
    })
  ) {
    return;
  }
  const large = Math.abs(changePercent) >= AUTO_ADJUST_BELOW;
  const wait =
    item.slowManufacturing && random.chance(LATE_SHARE)
      ? random.between(16 * HOUR, 2.5 * DAY)
      : large
        ? random.between(2 * HOUR, 16 * HOUR)
        : random.between(10 * MINUTE, 3 * HOUR, 1.5);
  const confirmed = large ? Math.round(changePercent * random.between(0.6, 1) * 10) / 10 : changePercent;
  history.add({
    key: `${item.key}.adjusted`,
    type: 'com.acme.manufacturing.plan.adjusted',
    source: '/manufacturing/planning',
    subject: sku,
    atMs: startMs + wait,
    data: { sku, changePercent: confirmed },
  });
}
