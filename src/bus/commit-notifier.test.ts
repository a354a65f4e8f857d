import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { ManifestApplied } from '../model/index.js';
import { InputError, silentLogger, type Logger } from '../shared/index.js';
import { LOG_COMMITTED, parseCommitNotice, type CommitNotice } from './commit-notice.js';
import { createCommitNotifier } from './commit-notifier.js';
import { createInProcessTransport } from './in-process-transport.js';

const settled = () => new Promise((resolve) => setImmediate(resolve));

async function listen() {
  const transport = createInProcessTransport();
  const received: CommitNotice[] = [];
  await transport.subscribe(LOG_COMMITTED, (message) => void received.push(parseCommitNotice(message.json())));
  return { transport, received };
}

function recordingLogger(): { logger: Logger; lines: { level: number; msg: string }[] } {
  const lines: { level: number; msg: string }[] = [];
  const logger = pino(
    { level: 'info' },
    { write: (line: string) => void lines.push(JSON.parse(line) as { level: number; msg: string }) },
  );
  return { logger, lines };
}

describe('commit notices', () => {
  it('announces a commit with its last sequence number, its types and whether it queued deliveries', async () => {
    const { transport, received } = await listen();
    const notifier = createCommitNotifier(transport, { origin: 'runtime-a', logger: silentLogger });
    notifier.committed([
      { seq: 7, type: 'com.acme.risk.score.changed' },
      { seq: 9, type: ManifestApplied },
      { seq: 8, type: 'com.acme.risk.score.changed' },
    ]);
    notifier.queuedDeliveries();
    await notifier.flush();
    await settled();
    expect(received).toEqual([
      {
        origin: 'runtime-a',
        lastSeq: 9,
        types: ['com.acme.risk.score.changed', ManifestApplied],
        outbox: true,
      },
    ]);
  });

  it('merges commits made while a notice is pending into one notice, so notices never queue up behind a slow transport', async () => {
    const { transport, received } = await listen();
    const notifier = createCommitNotifier(transport, { origin: 'runtime-a', logger: silentLogger });
    for (let seq = 1; seq <= 50; seq++) notifier.committed([{ seq, type: seq % 2 ? 'b' : 'c' }]);
    await notifier.flush();
    notifier.committed([{ seq: 51, type: 'd' }]);
    await notifier.flush();
    await settled();
    expect(received).toEqual([
      { origin: 'runtime-a', lastSeq: 50, types: ['b', 'c'], outbox: false },
      { origin: 'runtime-a', lastSeq: 51, types: ['d'], outbox: false },
    ]);
  });

  it('never fails a commit when the transport is gone, and says so once per outage', async () => {
    const transport = createInProcessTransport();
    const { logger, lines } = recordingLogger();
    const notifier = createCommitNotifier(transport, { origin: 'runtime-a', logger });
    await transport.close();
    notifier.committed([{ seq: 1, type: 'a' }]);
    await notifier.flush();
    notifier.committed([{ seq: 2, type: 'a' }]);
    await notifier.flush();
    const warnings = lines.filter((l) => l.level === 40);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.msg).toMatch(/in-process transport failed .*next log poll/);
  });

  it('refuses a notice that is not one, naming the field', () => {
    expect(() => parseCommitNotice({ origin: 'x', lastSeq: -1, types: [], outbox: false })).toThrow(InputError);
    expect(() => parseCommitNotice({ origin: 'x', lastSeq: 3, types: 'a', outbox: false })).toThrow(/types/);
    expect(() => parseCommitNotice('hello')).toThrow(/origin/);
    expect(parseCommitNotice({ origin: 'x', lastSeq: 3, types: ['a'], outbox: true, extra: 1 })).toEqual({
      origin: 'x',
      lastSeq: 3,
      types: ['a'],
      outbox: true,
    });
  });
});
