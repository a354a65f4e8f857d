/**
 * Cello's own event types are written once, in the event catalogue (src/model/events/): everywhere else in src/ and
 * web/src/, code, tests and comments name the catalogue's constants. Markdown may keep the strings.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/services.js';

const NEEDLE = 'dev.cello.';
const CATALOGUE = path.join('src', 'model', 'events') + path.sep;

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(PROJECT_ROOT, dir), { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const relative = path.join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(relative);
      return Promise.resolve(/\.tsx?$/.test(entry.name) ? [relative] : []);
    }),
  );
  return nested.flat();
}

it('spells Cello event types only in the event catalogue', async () => {
  const files = [...(await sourceFiles('src')), ...(await sourceFiles(path.join('web', 'src')))];
  expect(files.length).toBeGreaterThan(100);
  const found: string[] = [];
  for (const file of files.filter((f) => !f.startsWith(CATALOGUE))) {
    const lines = (await readFile(path.join(PROJECT_ROOT, file), 'utf8')).split('\n');
    lines.forEach((line, index) => {
      if (line.includes(NEEDLE)) found.push(`${file}:${index + 1}`);
    });
  }
  expect(
    found,
    `name the catalogue's constants (src/model/events/, e.g. TensionRaised) instead of spelling ${NEEDLE}* types`,
  ).toEqual([]);
});
