import {
  ACTIVITY_CLASSIFIERS,
  formatMiningSummary,
  mineLog,
  readEventLogFile,
  type ActivityClassifier,
  type LifecycleView,
  type MiningResult,
} from '../../insights/index.js';
import { InputError } from '../../shared/index.js';
import type { RegisterCommand } from '../context.js';

interface MineFlags {
  case?: string;
  activity?: string;
  timestamp?: string;
  lifecycle?: string;
  classifier?: string;
  json?: boolean;
  top?: string;
}

function parseTop(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const top = Number(text);
  if (!Number.isInteger(top) || top < 1) {
    throw new InputError(`--top "${text}" is not a positive whole number; write e.g. --top 10.`, {
      field: 'top',
      value: text,
    });
  }
  return top;
}

/** Cuts every list of a result to `top` entries; the summary counts stay whole. */
function limitResult(result: MiningResult, top: number): MiningResult {
  return {
    ...result,
    activities: result.activities.slice(0, top),
    startActivities: result.startActivities.slice(0, top),
    endActivities: result.endActivities.slice(0, top),
    variants: result.variants.slice(0, top),
    directlyFollows: result.directlyFollows.slice(0, top),
    rework: { ...result.rework, activities: result.rework.activities.slice(0, top) },
    handovers: result.handovers.slice(0, top),
    bottlenecks: result.bottlenecks.slice(0, top),
  };
}

/** `cello mine <file>`: process mining on a XES or CSV event log. */
export const registerMine: RegisterCommand = (program, context) => {
  program
    .command('mine')
    .description(
      'Mine a XES (.xes, .xes.gz) or CSV event log: variants, directly-follows graph, durations, rework, handovers, bottlenecks',
    )
    .argument('<file>', 'the event log')
    .option(
      '--case <column>',
      'case id column (CSV, default case:concept:name) or trace attribute (XES, default concept:name)',
    )
    .option('--activity <column>', 'activity column or event attribute (default concept:name)')
    .option('--timestamp <column>', 'timestamp column or event attribute (default time:timestamp)')
    .option('--lifecycle <view>', 'all events, or complete ones only: all | complete', 'all')
    .option(
      '--classifier <name>',
      'activity = name | name+lifecycle | a classifier the XES log declares, by name',
      'name',
    )
    .option('--json', 'print the full result as JSON (shape: src/insights/mining/ARCHITECTURE.md)')
    .option('--top <n>', 'entries per list (summary default 10; with --json, cuts the lists)')
    .action(async (file: string, flags: MineFlags) => {
      const top = parseTop(flags.top);
      const builtIn = (ACTIVITY_CLASSIFIERS as readonly string[]).includes(flags.classifier ?? 'name');
      const log = await readEventLogFile(file, {
        case: flags.case,
        activity: flags.activity,
        timestamp: flags.timestamp,
        ...(builtIn ? {} : { classifier: flags.classifier }),
      });
      const result = mineLog(log, {
        lifecycle: flags.lifecycle as LifecycleView,
        classifier: builtIn ? (flags.classifier as ActivityClassifier) : 'name',
      });
      if (flags.json) {
        context.output.out(JSON.stringify(top === undefined ? result : limitResult(result, top), null, 2));
      } else {
        context.output.out(formatMiningSummary(result, top ?? 10));
      }
    });
};
