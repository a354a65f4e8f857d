/**
 * The conformance suite every transport adapter passes. An adapter's test file runs it against a real backend:
 * `runTransportContract('nats', () => createNatsTransport({ url, stream, subjectPrefix }))`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../shared/index.js';
import type { Transport, TransportMessage } from './transport.js';

/** Makes a transport; for a cross-process adapter each call is its own connection, as another process's would be. */
export type MakeTransport = () => Promise<Transport>;

/** Waits for `check` to hold; a bound so a broken adapter fails instead of hanging, not a timing assertion. */
async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`The transport did not deliver ${what} in time.`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A subscription's inbox. */
function inbox() {
  const received: TransportMessage[] = [];
  return {
    received,
    handler: (message: TransportMessage) => void received.push(message),
    subjects: () => received.map((m) => m.subject),
    bodies: () => received.map((m) => m.json()),
  };
}

let runs = 0;

export function runTransportContract(name: string, make: MakeTransport): void {
  describe(`transport contract: ${name}`, () => {
    let transport: Transport;
    let root: string;
    const opened: Transport[] = [];
    const open = async () => {
      const t = await make();
      opened.push(t);
      return t;
    };

    beforeEach(async () => {
      // Each test speaks on subjects of its own, so nothing one test publishes can reach another.
      root = `c${++runs}`;
      transport = await open();
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((t) => t.close()));
    });

    it('delivers a JSON payload to a matching subscription, with the subject as it was published', async () => {
      const box = inbox();
      await transport.subscribe(`${root}.log.committed`, box.handler);
      await transport.publish(`${root}.log.committed`, { lastSeq: 42, types: ['com.acme.x'] });
      await until(() => box.received.length === 1, 'one message');
      expect(box.subjects()).toEqual([`${root}.log.committed`]);
      expect(box.bodies()).toEqual([{ lastSeq: 42, types: ['com.acme.x'] }]);
    });

    it('delivers bytes exactly as sent, and json() on bytes that are not JSON names the subject', async () => {
      const box = inbox();
      await transport.subscribe(`${root}.raw`, box.handler);
      const bytes = new Uint8Array([0, 1, 2, 250, 255]);
      await transport.publish(`${root}.raw`, bytes);
      await until(() => box.received.length === 1, 'the bytes');
      expect([...box.received[0]!.data]).toEqual([...bytes]);
      expect(() => box.received[0]!.json()).toThrow(InputError);
      expect(() => box.received[0]!.json()).toThrow(new RegExp(`${root}\\.raw`));
    });

    it('matches "*" to exactly one token and ">" to one or more trailing tokens', async () => {
      const [exact, star, tail] = [inbox(), inbox(), inbox()];
      await transport.subscribe(`${root}.orders.created`, exact.handler);
      await transport.subscribe(`${root}.orders.*`, star.handler);
      await transport.subscribe(`${root}.orders.>`, tail.handler);
      await transport.publish(`${root}.invoices.created`, 1);
      await transport.publish(`${root}.orders.eu.created`, 2);
      // Every subscription matches the last one; in-order delivery means anything before it has arrived too.
      await transport.publish(`${root}.orders.created`, 3);
      await until(
        () => [exact, star, tail].every((box) => box.subjects().includes(`${root}.orders.created`)),
        'the last message to each subscription',
      );
      expect(exact.bodies()).toEqual([3]);
      expect(star.bodies()).toEqual([3]);
      expect(tail.bodies()).toEqual([2, 3]);
    });

    it('hands a subscription its messages in publish order, one at a time, even when the handler is slow', async () => {
      const seen: number[] = [];
      let active = 0;
      let mostAtOnce = 0;
      await transport.subscribe(`${root}.seq`, async (message) => {
        active++;
        mostAtOnce = Math.max(mostAtOnce, active);
        await new Promise((resolve) => setTimeout(resolve, 1));
        seen.push(message.json() as number);
        active--;
      });
      for (let i = 1; i <= 40; i++) await transport.publish(`${root}.seq`, i);
      await until(() => seen.length === 40, 'all 40 messages');
      expect(seen).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      expect(mostAtOnce).toBe(1);
    });

    it('gives every matching subscription its own copy', async () => {
      const [a, b] = [inbox(), inbox()];
      await transport.subscribe(`${root}.fan`, a.handler);
      await transport.subscribe(`${root}.fan`, b.handler);
      await transport.publish(`${root}.fan`, 'hello');
      await until(() => a.received.length === 1 && b.received.length === 1, 'a copy to each subscription');
      expect([a.bodies(), b.bodies()]).toEqual([['hello'], ['hello']]);
    });

    it('stops calling a handler once its unsubscribe resolved, leaving other subscriptions alone', async () => {
      const [leaving, staying] = [inbox(), inbox()];
      const unsubscribe = await transport.subscribe(`${root}.topic`, leaving.handler);
      await transport.subscribe(`${root}.topic`, staying.handler);
      await transport.publish(`${root}.topic`, 1);
      await until(() => leaving.received.length === 1 && staying.received.length === 1, 'the first message');
      await unsubscribe();
      await transport.publish(`${root}.topic`, 2);
      await until(() => staying.received.length === 2, 'the second message to the remaining subscription');
      expect(leaving.bodies()).toEqual([1]);
    });

    it('keeps delivering to a subscription whose handler threw', async () => {
      const seen: number[] = [];
      await transport.subscribe(`${root}.flaky`, (message) => {
        const n = message.json() as number;
        if (n === 1) throw new Error('the handler failed on purpose');
        seen.push(n);
      });
      await transport.subscribe(`${root}.flaky`, async (message) => {
        if ((message.json() as number) === 1) throw new Error('the async handler failed on purpose');
      });
      await transport.publish(`${root}.flaky`, 1);
      await transport.publish(`${root}.flaky`, 2);
      await until(() => seen.length === 1, 'the message after the failure');
      expect(seen).toEqual([2]);
    });

    it('refuses subjects with wildcards and malformed patterns, naming them', async () => {
      await expect(transport.publish(`${root}.*`, 1)).rejects.toThrow(InputError);
      await expect(transport.publish(`${root}..x`, 1)).rejects.toThrow(/not valid/);
      await expect(transport.subscribe(`${root}.>.x`, () => undefined)).rejects.toThrow(InputError);
    });

    it('lets a publish that started before close finish, then refuses new work; closing twice is fine', async () => {
      const started = transport.publish(`${root}.last`, 'bye');
      await transport.close();
      await expect(started).resolves.toBeUndefined();
      await expect(transport.publish(`${root}.last`, 'late')).rejects.toThrow(/closed/);
      await expect(transport.subscribe(`${root}.last`, () => undefined)).rejects.toThrow(/closed/);
      await expect(transport.close()).resolves.toBeUndefined();
    });

    it('reaches other connections exactly when it says it crosses processes', async () => {
      const other = await open();
      const [here, there] = [inbox(), inbox()];
      await transport.subscribe(`${root}.shared.>`, here.handler);
      await other.subscribe(`${root}.shared.>`, there.handler);
      await transport.publish(`${root}.shared.from-first`, 1);
      await other.publish(`${root}.shared.from-second`, 2);
      const crosses = transport.capabilities.crossProcess;
      await until(
        () => here.received.length === (crosses ? 2 : 1) && there.received.length === (crosses ? 2 : 1),
        'the messages',
      );
      expect(here.bodies()).toEqual(crosses ? [1, 2] : [1]);
      expect(there.bodies()).toEqual(crosses ? [1, 2] : [2]);
    });
  });
}
