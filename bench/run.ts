/**
 * `npm run bench`: builds nothing (run `npm run build` first — `npm install` already did), runs every
 * benchmark in its own process one after the other (so they do not compete for the two cores), and prints
 * one JSON report: each benchmark's own JSON, which carries its baseline and ratios from the same run.
 * `npm run bench -- ingest workflows` runs only those.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const tsx = path.resolve(here, '../node_modules/tsx/dist/cli.mjs');

const BENCHMARKS: Record<string, { file: string; needs?: string }> = {
  ingest: { file: 'ingest.ts' },
  'store-append': { file: 'store-append.js' },
  workflows: { file: 'workflows.ts' },
  'mining-store': { file: 'mining-store.js' },
  'mining-file': {
    file: 'mining-file.js',
    needs: path.resolve(here, '../../shared/datasets/eventlogs/bpic2012.xes.gz'),
  },
  predict: { file: 'predict.ts', needs: path.resolve(here, '../../shared/datasets/eventlogs/bpic2012.xes.gz') },
};

if (!existsSync(path.resolve(here, '../dist/cli/index.js'))) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(2);
}

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in BENCHMARKS));
if (unknown.length > 0) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}; choose from ${Object.keys(BENCHMARKS).join(', ')}.`);
  process.exit(2);
}

const results: Record<string, unknown> = {};
for (const [name, { file, needs }] of Object.entries(BENCHMARKS)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  if (needs && !existsSync(needs)) {
    results[name] = { skipped: `${needs} is not there` };
    continue;
  }
  const script = path.join(here, file);
  const args = file.endsWith('.ts') ? [tsx, script] : [script];
  console.error(`running ${name}…`);
  try {
    const stdout = execFileSync(process.execPath, args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * 1024 * 1024,
    });
    // Each benchmark prints one JSON document last.
    results[name] = JSON.parse(stdout.slice(stdout.search(/^[{[]/m)));
  } catch (error) {
    results[name] = { failed: (error as Error).message.split('\n')[0] };
  }
}

console.log(
  JSON.stringify(
    {
      date: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        model: os.cpus()[0]?.model,
        memoryGiB: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        load: os.loadavg(),
      },
      results,
    },
    null,
    2,
  ),
);
