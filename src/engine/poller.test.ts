import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../shared/index.js';
import { createPoller } from './poller.js';

/** A run that waits until the test lets it finish, and counts how many run at once. */
function gatedRun() {
  const state = { runs: 0, active: 0, maxActive: 0, release: () => {} };
  const run = async () => {
    state.runs++;
    state.active++;
    state.maxActive = Math.max(state.maxActive, state.active);
    await new Promise<void>((resolve) => (state.release = resolve));
    state.active--;
  };
  return { state, run };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createPoller', () => {
  it('never runs twice at once, and wakes during a run cause exactly one more run', async () => {
    const { state, run } = gatedRun();
    const poller = createPoller({ name: 'test', intervalMs: 0, run, logger: silentLogger });
    const first = poller.wake();
    await tick();
    const second = [poller.wake(), poller.wake(), poller.wake()];
    expect(second[0]).toBe(second[2]);
    expect(state.runs).toBe(1);
    state.release();
    await first;
    await tick();
    expect(state.runs).toBe(2);
    state.release();
    await Promise.all(second);
    expect(state.runs).toBe(2);
    expect(state.maxActive).toBe(1);
  });

  it('stops: waits for the run in progress, drops a waiting wake, and runs nothing after', async () => {
    const { state, run } = gatedRun();
    const poller = createPoller({ name: 'test', intervalMs: 0, run, logger: silentLogger });
    void poller.wake();
    await tick();
    void poller.wake();
    let stopped = false;
    const stopping = poller.stop().then(() => (stopped = true));
    await tick();
    expect(stopped).toBe(false);
    state.release();
    await stopping;
    await poller.wake();
    expect(state.runs).toBe(1);
    expect(poller.busy).toBe(false);
  });

  it('logs a failed run and runs again on the next tick', async () => {
    const errors: string[] = [];
    const logger = pino({}, { write: (line: string) => errors.push((JSON.parse(line) as { msg: string }).msg) });
    let runs = 0;
    const poller = createPoller({
      name: 'reading the test log',
      intervalMs: 5,
      logger,
      run: async () => {
        runs++;
        if (runs === 1) throw new Error('boom');
      },
    });
    poller.start();
    await expect(poller.wake()).resolves.toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 30));
    await poller.stop();
    expect(errors).toEqual(['reading the test log failed; trying again on the next poll']);
    expect(runs).toBeGreaterThan(1);
  });
});
