import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_ORG_TOKENS, startGovernanceApp, type GovernanceApp, type TokenName } from './governance-app.js';
import { ReviewReordered, TensionCommented } from '../../src/model/index.js';
import { expectCataloguedEvents } from '../support/cello-event-problems.js';

/**
 * Every token against every governance action, against the real API: each action gets a fresh target, is tried
 * by each token, and must succeed for exactly the tokens in `allowed` and be refused with 403 (naming who may)
 * for all the others. Tokens: the admin; ana (ops facilitator, runs the reviews); finn (ops lead); bo and cy
 * (payments members); payments (a payments token naming no member); mei (risk lead); raj (risk facilitator).
 */
let g: GovernanceApp;
beforeAll(async () => {
  g = await startGovernanceApp();
});
afterAll(() => g.close());

const everyone = Object.keys(SMALL_ORG_TOKENS) as TokenName[];
let counter = 0;

async function tension(type: string, cells: string[], by: TokenName = 'bo'): Promise<string> {
  const response = await g.call(by, 'POST', '/v1/tensions', { title: `matrix ${++counter}`, type, cells });
  if (response.status !== 201) throw new Error(JSON.stringify(response.body));
  return response.body.tension.id;
}
async function proposal(type: 'capacity' | 'priority', by: TokenName): Promise<string> {
  const id = await tension(type, ['payments']);
  const response = await g.call(by, 'POST', `/v1/tensions/${id}/decisions`, { outcome: 'drop', reason: 'matrix' });
  if (!response.body.proposal) throw new Error(JSON.stringify(response.body));
  return response.body.proposal.id;
}
/** Closes whatever review is running or planned (the admin may), so the next case starts clean. */
async function noReview(): Promise<void> {
  const current = await g.call('admin', 'GET', '/v1/reviews/current');
  if (current.status !== 200) return;
  if (current.body.state === 'planned') await g.call('admin', 'POST', '/v1/reviews/current/start');
  await g.call('admin', 'POST', '/v1/reviews/current/close');
}
/** Reviews here cover cell ops only, so their agendas stay short while the matrix raises many tensions. */
const SCOPE = { cells: ['ops'] };
async function plannedReview(): Promise<void> {
  await noReview();
  await g.call('admin', 'POST', '/v1/reviews', SCOPE);
}
async function runningReview(): Promise<void> {
  await plannedReview();
  await g.call('admin', 'POST', '/v1/reviews/current/start');
}

interface Case {
  action: string;
  allowed: TokenName[];
  /** Prepares a fresh target; returns the request to make. */
  prepare(): Promise<{ method: 'GET' | 'POST' | 'PUT'; url: string; body?: unknown }>;
}

const cases: Case[] = [
  {
    action: 'raise a tension between any cells',
    allowed: everyone,
    prepare: async () => ({
      method: 'POST',
      url: '/v1/tensions',
      body: { title: 'x', type: 'boundary', cells: ['risk', 'ops'] },
    }),
  },
  {
    action: 'read a tension',
    allowed: everyone,
    prepare: async () => ({ method: 'GET', url: `/v1/tensions/${await tension('capacity', ['payments'])}` }),
  },
  {
    action: 'read the metrics',
    allowed: everyone,
    prepare: async () => ({ method: 'GET', url: '/v1/governance/metrics' }),
  },
  {
    action: 'comment (payments involved, raised by payments, decided by risk)',
    allowed: ['bo', 'cy', 'payments', 'mei', 'raj'],
    prepare: async () => ({
      method: 'POST',
      url: `/v1/tensions/${await tension('capacity', ['payments'])}/comments`,
      body: { body: 'seen it too' },
    }),
  },
  {
    action: 'rate (raised by payments; ana facilitates the reviews)',
    allowed: ['bo', 'cy', 'payments', 'ana', 'admin'],
    prepare: async () => ({
      method: 'PUT',
      url: `/v1/tensions/${await tension('capacity', ['payments'])}/ratings`,
      body: { ratings: { impact: 3 } },
    }),
  },
  {
    action: 'advise (interface: payments advises risk)',
    allowed: ['bo', 'cy', 'payments'],
    prepare: async () => ({
      method: 'POST',
      url: `/v1/tensions/${await tension('interface', ['payments', 'risk'])}/advice`,
      body: { body: 'go ahead' },
    }),
  },
  {
    action: 'decide a capacity tension (risk lead, consent)',
    allowed: ['mei'],
    prepare: async () => ({
      method: 'POST',
      url: `/v1/tensions/${await tension('capacity', ['payments'])}/decisions`,
      body: { outcome: 'drop', reason: 'matrix' },
    }),
  },
  {
    action: 'decide a process tension (ops lead, owner)',
    allowed: ['finn'],
    prepare: async () => ({
      method: 'POST',
      url: `/v1/tensions/${await tension('process', ['payments'])}/decisions`,
      body: { outcome: 'drop', reason: 'matrix' },
    }),
  },
  {
    action: 'object to a consent proposal (payments involved, risk decides)',
    allowed: ['bo', 'cy', 'payments', 'mei', 'raj'],
    prepare: async () => ({
      method: 'POST',
      url: `/v1/proposals/${await proposal('capacity', 'mei')}/objections`,
      body: { reason: 'matrix' },
    }),
  },
  {
    action: 'vote on a priority proposal (members of payments, by name)',
    allowed: ['bo', 'cy'],
    prepare: async () => ({
      method: 'POST',
      url: `/v1/proposals/${await proposal('priority', 'bo')}/votes`,
      body: { vote: 'no' },
    }),
  },
  {
    action: 'resolve a decided tension (raiser payments, or the decider finn)',
    allowed: ['bo', 'cy', 'payments', 'finn'],
    prepare: async () => {
      const id = await tension('process', ['payments']);
      await g.call('finn', 'POST', `/v1/tensions/${id}/decisions`, {
        outcome: 'experiment',
        move: 'm',
        metric: 'k',
        rationale: 'matrix',
      });
      return { method: 'POST', url: `/v1/tensions/${id}/state`, body: { state: 'resolved', reason: 'matrix' } };
    },
  },
  {
    action: 'reopen a dropped tension (payments involved and raiser, ops decides)',
    allowed: ['bo', 'cy', 'payments', 'ana', 'finn'],
    prepare: async () => {
      const id = await tension('process', ['payments']);
      await g.call('finn', 'POST', `/v1/tensions/${id}/decisions`, { outcome: 'drop', reason: 'matrix' });
      return { method: 'POST', url: `/v1/tensions/${id}/state`, body: { state: 'open', reason: 'matrix' } };
    },
  },
  {
    action: 'plan the review (cell ops)',
    allowed: ['ana', 'admin'],
    prepare: async () => (await noReview(), { method: 'POST', url: '/v1/reviews', body: SCOPE }),
  },
  {
    action: 'reorder the agenda',
    allowed: ['ana', 'admin'],
    prepare: async () => (
      await plannedReview(),
      { method: 'PUT', url: '/v1/reviews/current/agenda', body: { order: ['1'] } }
    ),
  },
  {
    action: 'start the review',
    allowed: ['ana', 'admin'],
    prepare: async () => (await plannedReview(), { method: 'POST', url: '/v1/reviews/current/start' }),
  },
  {
    action: 'close the review',
    allowed: ['ana', 'admin'],
    prepare: async () => (await runningReview(), { method: 'POST', url: '/v1/reviews/current/close' }),
  },
  {
    action: 'decide a boundary item in the review (ops facilitator)',
    allowed: ['ana'],
    prepare: async () => {
      await noReview();
      const id = await tension('boundary', ['payments', 'risk']);
      await runningReview();
      return {
        method: 'POST',
        url: `/v1/reviews/current/items/${id}/decisions`,
        body: { outcome: 'drop', reason: 'matrix' },
      };
    },
  },
  {
    action: 'drop an unrouted item in the review (the facilitator only)',
    allowed: ['ana'],
    prepare: async () => {
      await noReview();
      const id = await tension('purpose', ['ops']);
      await runningReview();
      return {
        method: 'POST',
        url: `/v1/reviews/current/items/${id}/decisions`,
        body: { outcome: 'drop', reason: 'matrix' },
      };
    },
  },
];

describe('authorization matrix: tokens × governance actions', () => {
  for (const c of cases) {
    it(`${c.action}: only ${c.allowed.join(', ')}`, async () => {
      const outcomes: Record<string, number> = {};
      for (const who of everyone) {
        const request = await c.prepare();
        const response = await g.call(who, request.method, request.url, request.body);
        outcomes[who] = response.status;
        if (response.status === 403) expect(response.body.error.message).toMatch(/may not|may only|Only/);
      }
      const expected = Object.fromEntries(everyone.map((who) => [who, c.allowed.includes(who) ? 'allowed' : 403]));
      const actual = Object.fromEntries(everyone.map((who) => [who, outcomes[who]! < 300 ? 'allowed' : outcomes[who]]));
      expect(actual).toEqual(expected);
    });
  }

  it('refuses every action without a token', async () => {
    const id = await tension('capacity', ['payments']);
    for (const [method, url] of [
      ['GET', '/v1/tensions'],
      ['POST', `/v1/tensions/${id}/comments`],
      ['POST', '/v1/reviews'],
      ['GET', '/v1/governance/metrics'],
    ] as const) {
      expect((await g.call(undefined, method, url, method === 'POST' ? { body: 'x' } : undefined)).status).toBe(401);
    }
  });

  it('left only Cello events the event catalogue describes, data and source included', async () => {
    await expectCataloguedEvents(g.app.store.events, [TensionCommented, ReviewReordered]);
  });
});
