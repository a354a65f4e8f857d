import type { SeededRandom } from './seeded-random.js';
import type { SimulatedHistory } from './simulated-history.js';
import { LATE_SHARE } from './slow-cells.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** How finance's workflow (workflows/finance-credit-approval.yaml) decides: its parameters, for realistic outcomes. */
const RISK_CHECK_ABOVE = 25_000;
const APPROVAL_LIMIT = 100_000;
const ELEVATED_SCORE = 0.6;
const REFER_ABOVE_SCORE = 0.8;

const REASONS = [
  'payment history',
  'sector outlook',
  'collateral value',
  'debt ratio',
  'new customer',
  'order backlog',
];

export interface CreditCase {
  subject: string;
  startMs: number;
  random: SeededRandom;
  /** Risk answers late (`--slow risk`). */
  slowRisk: boolean;
  /** Finance decides late (`--slow finance`). */
  slowFinance: boolean;
}

/**
 * One loan through finance's credit approval: finance records the request; risk scores every loan (finance
 * waits for the score only above 25,000); finance approves within the risk-adjusted limit or refers the request
 * to an analyst, who decides within hours, sometimes after asking risk for a fresh score.
 */
export function simulateCreditCase(history: SimulatedHistory, loan: CreditCase): void {
  const { subject, random } = loan;
  const amount = Math.round(Math.exp(Math.log(3_000) + random.next() * Math.log(250_000 / 3_000)) / 100) * 100;
  const currency = random.pick(['EUR', 'USD', 'GBP'], [55, 30, 15]);
  const at = (key: string, type: string, source: string, atMs: number, data: Record<string, unknown>) =>
    history.add({ key: `${subject}.${key}`, type, source, subject, atMs, data });

  let t = loan.startMs;
  at('requested', 'com.acme.finance.credit.requested', '/finance/credit-desk', t, {
    amount,
    currency,
    customerId: `cust-${random.int(1000, 9999)}`,
  });

  const riskAnswers = () =>
    loan.slowRisk && random.chance(LATE_SHARE)
      ? random.between(15 * MINUTE, 4 * HOUR, 1.3)
      : random.between(10_000, 4 * MINUTE, 2);
  const scoredMs = t + riskAnswers();
  let score = Math.round(random.between(0.03, 0.97, 1.7) * 100) / 100;
  const reasons = [random.pick(REASONS), random.pick(REASONS)].filter((r, i, all) => all.indexOf(r) === i);
  at('scored', 'com.acme.risk.score.changed', '/risk/scoring', scoredMs, { score, model: 'v7', reasons });

  const slowDecision = loan.slowFinance && random.chance(LATE_SHARE);
  const decideAfter = () =>
    slowDecision ? random.between(3 * HOUR, 12 * HOUR) : random.between(MINUTE, 12 * MINUTE, 1.5);
  const decided = (key: string, atMs: number, decision: string, withScore: boolean) =>
    at(key, 'com.acme.finance.credit.decided', '/finance/credit-desk', atMs, {
      decision,
      ...(withScore ? { score } : {}),
    });
  if (amount <= RISK_CHECK_ABOVE) {
    // Small credits skip the risk check: approved without waiting for the score.
    decided('decided', t + decideAfter(), 'approved', false);
    return;
  }
  t = scoredMs + decideAfter();
  const limit = score >= ELEVATED_SCORE ? APPROVAL_LIMIT / 2 : APPROVAL_LIMIT;
  if (score <= REFER_ABOVE_SCORE && amount <= limit) {
    decided('decided', t, 'approved', true);
    return;
  }
  if (!decided('decided', t, 'referred', true)) return;
  if (random.chance(0.5)) {
    // The analyst asks for the latest figures; risk scores the loan again: a rework loop on the score.
    t += riskAnswers() + random.between(5 * MINUTE, 90 * MINUTE);
    score = Math.min(1, Math.max(0, Math.round((score + random.between(-0.15, 0.15)) * 100) / 100));
    if (
      !at('rescored', 'com.acme.risk.score.changed', '/risk/scoring', t, {
        score,
        model: 'v7',
        reasons: [random.pick(REASONS)],
      })
    )
      return;
  }
  // The analyst decides: declined more often the higher the risk.
  t += slowDecision ? random.between(6 * HOUR, 30 * HOUR) : random.between(20 * MINUTE, 3 * HOUR, 1.3);
  decided('analyst-decided', t, random.chance(score > REFER_ABOVE_SCORE ? 0.7 : 0.25) ? 'declined' : 'approved', true);
}
