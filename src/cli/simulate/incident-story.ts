import type { SeededRandom } from './seeded-random.js';
import type { SimulatedHistory } from './simulated-history.js';
import { LATE_SHARE } from './slow-cells.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const INCIDENTS = [
  'Event delivery delayed for some subscriptions',
  'Case intake form returns errors',
  'Webhook retries piling up after a network change',
  'Dashboard slow to load',
  'Certificate renewal failed on the backbone',
];

export interface IncidentCase {
  subject: string;
  startMs: number;
  random: SeededRandom;
  /** Platform resolves late (`--slow platform`). */
  slowPlatform: boolean;
}

/** An incident on platform's backbone or case tooling, opened and resolved (within 4 hours, as its agreements promise). */
export function simulateIncident(history: SimulatedHistory, item: IncidentCase): void {
  const { subject, random } = item;
  const summary = random.pick(INCIDENTS);
  const source = '/platform/status';
  const opened = history.add({
    key: `${subject}.opened`,
    type: 'com.acme.platform.incident.opened',
    source,
    subject,
    atMs: item.startMs,
    data: { summary, severity: random.pick(['minor', 'major'], [80, 20]) },
  });
  if (!opened) return;
  const resolvedMs =
    item.startMs +
    (item.slowPlatform && random.chance(LATE_SHARE)
      ? random.between(3 * HOUR, 14 * HOUR)
      : random.between(15 * MINUTE, 3 * HOUR, 1.5));
  history.add({
    key: `${subject}.resolved`,
    type: 'com.acme.platform.incident.resolved',
    source,
    subject,
    atMs: resolvedMs,
    data: { summary },
  });
}
