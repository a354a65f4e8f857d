/** store/ARCHITECTURE.md states the defaults and capability flags; this keeps the text true to the code. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileConfig } from '../../src/app/index.js';
import { createPostgresStore } from '../../src/store/postgres/index.js';
import { createSqliteStore, SQLITE_DEFAULTS } from '../../src/store/sqlite/index.js';
import { PROJECT_ROOT } from '../support/services.js';

const doc = readFileSync(path.join(PROJECT_ROOT, 'src/store/ARCHITECTURE.md'), 'utf8');

/** The cells of the markdown table row whose first cell is `first`. */
function row(first: string): string[] {
  const line = doc.split('\n').find((l) => l.startsWith(`| ${first} |`));
  if (!line) throw new Error(`store/ARCHITECTURE.md has no table row starting "| ${first} |".`);
  return line
    .split('|')
    .slice(1, -1)
    .map((cell) => cell.trim().replaceAll('`', ''));
}

describe('store/ARCHITECTURE.md', () => {
  it('documents the SQLite defaults the adapter and `cello serve` use', () => {
    expect(row('SQLite `synchronous`')[1]).toBe(SQLITE_DEFAULTS.synchronous);
    expect(compileConfig({ env: {} }).sqliteSync).toBe(SQLITE_DEFAULTS.synchronous);
    expect(row('SQLite `busy_timeout`')[1]).toBe(`${SQLITE_DEFAULTS.busyTimeoutMs} ms`);
    expect(doc).toContain(`\`synchronous = ${SQLITE_DEFAULTS.synchronous.toUpperCase()}\` by default`);
  });

  it('documents each adapter’s capability flags', async () => {
    // Neither store is migrated: a PostgreSQL pool connects only when first used.
    const stores = [createSqliteStore({ memory: true }), createPostgresStore({ url: 'postgres://127.0.0.1:9/none' })];
    try {
      for (const { capabilities } of stores) {
        expect(row(`\`${capabilities.backend}\``)).toEqual([
          capabilities.backend,
          String(capabilities.sharedByProcesses),
          String(capabilities.skipLocked),
        ]);
      }
    } finally {
      for (const store of stores) await store.close();
    }
  });
});
