/**
 * `cello predict` on the four logs of the accuracy goal (issue 16), split 67/33 by case start: per log the
 * model's next-activity accuracy and remaining-time MAE beside the baselines measured in the same run, the
 * ratios against the goal (≥ 2 points over the best n-gram, ≥ 20% less error than the best mean), training
 * seconds and peak memory. Each log runs in its own process, so its peak memory is its own. Prints one JSON.
 * `tsx bench/predict.ts [log …]` (default: the four logs in ../shared/datasets/eventlogs).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { predictLog, readEventLogFile } from '../src/insights/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const DIR = path.resolve(here, '../../shared/datasets/eventlogs');
const LOGS = ['helpdesk.xes.gz', '08_receipt.xes.gz', '07_bpic2013_incidents.xes.gz', 'bpic2012.xes.gz'];
const GOAL = { gainPoints: 2, reduction: 0.2 };
const DAY_SECONDS = 86_400;
const days = (seconds: number) => Number((seconds / DAY_SECONDS).toFixed(3));

/** One log, in this process: its figures as JSON on stdout. */
async function runOne(file: string): Promise<void> {
  const started = performance.now();
  const log = await readEventLogFile(file, { attributes: true });
  const readSeconds = (performance.now() - started) / 1000;
  const summary = predictLog(log, { trainFraction: 0.67 }, () => undefined);
  const next = summary.nextActivity;
  const time = summary.remainingTime;
  const result = {
    log: path.basename(file),
    cases: summary.log.cases,
    events: summary.log.events,
    trainingPrefixes: summary.split.trainingPrefixes,
    predictedPrefixes: summary.split.predictedPrefixes,
    features: summary.model.features,
    nextActivity: {
      model: next.accuracy,
      baselines: Object.fromEntries(next.baselines.map((b) => [b.name, b.accuracy])),
      best: next.bestBaseline,
      gainPoints: next.gainPoints,
      goalMet: next.gainPoints >= GOAL.gainPoints,
    },
    remainingTimeDays: {
      model: days(time.maeSeconds),
      baselines: Object.fromEntries(time.baselines.map((b) => [b.name, days(b.maeSeconds)])),
      best: { name: time.bestBaseline.name, mae: days(time.bestBaseline.maeSeconds) },
      ratioToBest: Number((time.maeSeconds / time.bestBaseline.maeSeconds).toFixed(4)),
      reduction: time.reduction,
      goalMet: time.reduction >= GOAL.reduction,
    },
    readSeconds: Number(readSeconds.toFixed(2)),
    trainingSeconds: summary.model.trainingSeconds,
    totalSeconds: Number(((performance.now() - started) / 1000).toFixed(2)),
    // maxRSS is in KiB: the most memory this process held, reading included.
    peakMemoryMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  console.log(JSON.stringify(result));
}

async function runAll(files: string[]): Promise<void> {
  const tsx = path.resolve(here, '../node_modules/tsx/dist/cli.mjs');
  const self = fileURLToPath(import.meta.url);
  const logs = files.map((file) => {
    console.error(`predicting ${path.basename(file)}…`);
    const stdout = execFileSync(process.execPath, [tsx, self, '--one', file], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    return JSON.parse(stdout.trim().split('\n').pop()!);
  });
  const met = (key: 'nextActivity' | 'remainingTimeDays') => logs.every((l) => l[key].goalMet);
  console.log(
    JSON.stringify(
      {
        benchmark: 'predict',
        split: 'first 67% of cases by first timestamp train, every prefix of the rest is predicted',
        goal: {
          nextActivity: `≥ ${GOAL.gainPoints} points over the best n-gram (n = 1…5, backoff)`,
          remainingTime: `≥ ${GOAL.reduction * 100}% less MAE than the better mean baseline`,
          metOnEveryLog: { nextActivity: met('nextActivity'), remainingTime: met('remainingTimeDays') },
        },
        logs,
      },
      null,
      2,
    ),
  );
}

const args = process.argv.slice(2);
if (args[0] === '--one') await runOne(args[1]!);
else await runAll(args.length > 0 ? args.map((a) => path.resolve(a)) : LOGS.map((l) => path.join(DIR, l)));
