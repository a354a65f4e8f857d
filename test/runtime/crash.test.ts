import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../src/store/sqlite/index.js';
import { kill, spawnServer, type ServerProcess } from '../support/cli-process.js';
import { writeSignalsOrg } from '../support/org-fixture.js';
import { ADMIN_TOKEN, eventually } from '../support/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';
import { MODULE_MIGRATIONS } from '../../src/app/index.js';

const WRITERS = 8;

describe('crash safety', () => {
  let receiver: WebhookReceiver;
  let server: ServerProcess | undefined;
  afterAll(async () => {
    if (server) await kill(server.child, 'SIGTERM');
    await receiver?.close();
  });

  it('keeps every acknowledged event exactly once, and still delivers, after SIGKILL mid-publishing', async () => {
    receiver = await startWebhookReceiver();
    const orgDir = writeSignalsOrg({ webhookUrl: receiver.url });
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cello-crash-'));
    const env = { CELLO_ADMIN_TOKEN: ADMIN_TOKEN };
    server = await spawnServer(['--data-dir', dataDir, '--org', orgDir], env);

    // Sustained publishing from several writers; an id is "acknowledged" only once its 202 arrived.
    const acknowledged = new Set<string>();
    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const id = `w${w}-${i}`;
        try {
          const response = await fetch(`${server!.url}/v1/events`, {
            method: 'POST',
            headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/cloudevents+json' },
            body: JSON.stringify({
              specversion: '1.0',
              id,
              source: '/crash-test',
              type: 'com.acme.risk.score.changed',
              subject: `loan-${i}`,
              data: { score: i % 2 === 0 ? 0.9 : 0.1 },
            }),
          });
          if (response.status === 202) acknowledged.add(id);
        } catch {
          return; // The server is gone.
        }
      }
    };
    const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
    await eventually(() => acknowledged.size >= 400, 30_000);
    await kill(server.child, 'SIGKILL');
    stop = true;
    await Promise.all(writers);

    // Every acknowledged event is in the log exactly once.
    const store = await createSqliteStore({ dataDir });
    await store.migrate(MODULE_MIGRATIONS);
    const ids: string[] = [];
    for await (const batch of store.events.scan({ batchSize: 1_000 })) {
      for (const event of batch) if (event.source === '/crash-test') ids.push(event.id);
    }
    await store.close();
    const counts = new Map<string, number>();
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    expect([...acknowledged].filter((id) => counts.get(id) !== 1)).toEqual([]);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);

    // After a restart, every stored matching event (score 0.9, subject loan-*) reaches the webhook.
    server = await spawnServer(['--data-dir', dataDir, '--org', orgDir], env);
    const matching = ids.filter((id) => Number(id.split('-')[1]) % 2 === 0);
    await eventually(() => {
      const delivered = new Set(receiver.received.map((r) => String(r.json.id)));
      return matching.every((id) => delivered.has(id));
    }, 60_000);
  }, 150_000);
});
