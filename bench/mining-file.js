// `cello mine` on a real log, end to end (read + mine), against a raw parse of the same file in the same run:
// gunzip + saxes with nothing but an event counter. Prints JSON.
// Needs the compiled insights: `npm run build && node bench/mining-file.js [file]`
// (default ../shared/datasets/eventlogs/bpic2012.xes.gz; CELLO_DIST=/path/to/dist to use another build).
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createGunzip } from 'node:zlib';
import { SaxesParser } from 'saxes';

const dist = process.env.CELLO_DIST
  ? path.resolve(process.env.CELLO_DIST)
  : new URL('../dist', import.meta.url).pathname;
const { readEventLogFile, mineLog } = await import(pathToFileURL(path.join(dist, 'insights/index.js')).href);

const file = path.resolve(
  process.argv[2] ?? new URL('../../shared/datasets/eventlogs/bpic2012.xes.gz', import.meta.url).pathname,
);
const RUNS = 3;

/** The floor: decompress and tokenize the XML, count events, keep nothing. */
async function rawParse() {
  const parser = new SaxesParser({ xmlns: false });
  let events = 0;
  parser.on('opentag', (tag) => {
    if (tag.name === 'event') events++;
  });
  let stream = createReadStream(file, { highWaterMark: 1 << 20 });
  if (file.endsWith('.gz')) stream = stream.pipe(createGunzip({ chunkSize: 1 << 20 }));
  stream.setEncoding('utf8');
  for await (const chunk of stream) parser.write(chunk);
  parser.close();
  return events;
}

async function mine() {
  const started = performance.now();
  const log = await readEventLogFile(file);
  const read = performance.now();
  const result = mineLog(log);
  const done = performance.now();
  return { result, readSeconds: (read - started) / 1000, mineSeconds: (done - read) / 1000 };
}

const fastest = (runs) => runs.reduce((best, run) => (run.seconds < best.seconds ? run : best));
const baselines = [];
const mined = [];
for (let i = 0; i < RUNS; i++) {
  let t = performance.now();
  await rawParse();
  baselines.push({ seconds: (performance.now() - t) / 1000 });
  t = performance.now();
  const run = await mine();
  mined.push({ ...run, seconds: (performance.now() - t) / 1000 });
}
const best = fastest(mined);
const baseline = fastest(baselines);
const events = best.result.summary.events;
console.log(
  JSON.stringify(
    {
      file: path.basename(file),
      events,
      cases: best.result.summary.cases,
      seconds: Number(best.seconds.toFixed(3)),
      readSeconds: Number(best.readSeconds.toFixed(3)),
      mineSeconds: Number(best.mineSeconds.toFixed(3)),
      eventsPerSecond: Math.round(events / best.seconds),
      rawParseSeconds: Number(baseline.seconds.toFixed(3)),
      ratioToRawParse: Number((best.seconds / baseline.seconds).toFixed(2)),
      runs: RUNS,
    },
    null,
    2,
  ),
);
