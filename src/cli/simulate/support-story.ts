import type { SeededRandom } from './seeded-random.js';
import type { SimulatedHistory } from './simulated-history.js';
import { LATE_SHARE } from './slow-cells.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const LANGUAGES = {
  emea: { codes: ['en', 'de', 'fr', 'ar'], weights: [35, 30, 20, 15] },
  americas: { codes: ['en', 'es', 'pt'], weights: [50, 35, 15] },
} as const;
const TOPICS = ['billing', 'delivery', 'outage', 'maintenance', 'credit', 'general'];
const TOPIC_WEIGHTS = [25, 20, 10, 20, 10, 15];
const RESOLUTIONS = ['answered', 'fixed on site', 'replaced part', 'credited', 'explained'];

export interface SupportCase {
  subject: string;
  startMs: number;
  random: SeededRandom;
  /** Which cells answer late (`--slow cs-emea`, `--slow cs-americas`). */
  slowRegions: ReadonlySet<string>;
}

/**
 * One customer case from the shared intake, handled by its region's variant of case handling: acknowledged within
 * minutes, resolved within hours (EMEA aims for a day, the Americas for two, with a same-day callback in
 * between), and sometimes reopened when the customer comes back: a rework loop.
 */
export function simulateSupportCase(history: SimulatedHistory, item: SupportCase): void {
  const { subject, random } = item;
  const region = random.pick(['emea', 'americas'] as const, [55, 45]);
  const slow = item.slowRegions.has(`cs-${region}`) && random.chance(LATE_SHARE);
  const desk = `/cs-${region}/case-desk`;
  const language = random.pick(LANGUAGES[region].codes, LANGUAGES[region].weights);
  const topic = random.pick(TOPICS, TOPIC_WEIGHTS);
  const at = (key: string, type: string, source: string, atMs: number, data: Record<string, unknown>) =>
    history.add({ key: `${subject}.${key}`, type, source, subject, atMs, data });

  let t = item.startMs;
  if (!at('opened', 'com.acme.support.case.opened', '/platform/support-intake', t, { region, language, topic })) return;
  const acknowledge = () =>
    slow ? random.between(45 * MINUTE, 6 * HOUR) : random.between(2 * MINUTE, 40 * MINUTE, 1.5);
  // Outages are urgent in both regions; the Americas also treat billing as urgent.
  const urgent = topic === 'outage' || (region === 'americas' && topic === 'billing');
  const resolve = () =>
    slow
      ? random.between(30 * HOUR, 100 * HOUR)
      : urgent
        ? random.between(30 * MINUTE, 6 * HOUR, 1.4)
        : random.between(HOUR, region === 'emea' ? 20 * HOUR : 40 * HOUR, 1.6);

  t += acknowledge();
  if (!at('acknowledged', 'com.acme.support.case.acknowledged', desk, t, { language })) return;
  t += resolve();
  if (!at('resolved', 'com.acme.support.case.resolved', desk, t, { resolution: random.pick(RESOLUTIONS) })) return;
  for (let round = 2; round <= 3 && random.chance(round === 2 ? 0.14 : 0.2); round++) {
    // The customer comes back: the case is acknowledged again and resolved once more.
    t += random.between(3 * HOUR, 48 * HOUR);
    if (!at(`acknowledged-${round}`, 'com.acme.support.case.acknowledged', desk, t, { language, reopened: true }))
      return;
    t += resolve();
    if (!at(`resolved-${round}`, 'com.acme.support.case.resolved', desk, t, { resolution: random.pick(RESOLUTIONS) }))
      return;
  }
}
