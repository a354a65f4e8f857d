import { closeSync, openSync, writeSync } from 'node:fs';
import { formatPredictionSummary, predictLog, readEventLogFile, type PredictionLine } from '../../insights/index.js';
import { errorMessage, InputError } from '../../shared/index.js';
import type { RegisterCommand } from '../context.js';

interface PredictFlags {
  trainFraction: string;
  out?: string;
  json?: boolean;
  case?: string;
  activity?: string;
  timestamp?: string;
}

// Lines are written in chunks of about this many characters: one write per line would dominate on large logs.
const CHUNK = 1 << 16;

function parseTrainFraction(text: string): number {
  const fraction = Number(text);
  if (text.trim() === '' || !(fraction > 0 && fraction < 1)) {
    throw new InputError(
      `--train-fraction "${text}" is not a share between 0 and 1 (both excluded); write e.g. --train-fraction 0.67.`,
      { field: 'train-fraction', value: text },
    );
  }
  return fraction;
}

/** Opens the predictions file, or says why it cannot be written. */
function openOut(file: string): number {
  try {
    return openSync(file, 'w');
  } catch (error) {
    throw new InputError(
      `Cannot write the predictions to ${file}: ${errorMessage(error)}; name a writable file with --out.`,
      {
        file,
        field: 'out',
      },
    );
  }
}

/**
 * A progress bar on standard error, drawn only when it is a terminal (never into a pipe or a log), and not
 * while prediction lines go to that same terminal.
 */
function progressBar(linesToTerminal: boolean): {
  update(phase: string, done: number, total: number): void;
  clear(): void;
} {
  const stream = process.stderr;
  if (!stream.isTTY || linesToTerminal) return { update: () => undefined, clear: () => undefined };
  let shown = '';
  return {
    update(phase, done, total) {
      const share = total > 0 ? done / total : 1;
      const width = 30;
      const filled = Math.round(share * width);
      const line = `${phase.padEnd(10)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor(share * 100)}%`;
      if (line === shown) return;
      shown = line;
      stream.write(`\r${line}`);
    },
    clear() {
      if (shown !== '') stream.write(`\r${' '.repeat(shown.length)}\r`);
      shown = '';
    },
  };
}

/** `cello predict <file>`: next activity and remaining time for every prefix of a log's later cases. */
export const registerPredict: RegisterCommand = (program, context) => {
  program
    .command('predict')
    .description(
      'Train on the earliest cases of a XES or CSV event log and predict, for every prefix of every later case, the next activity and the remaining time; compares with baselines',
    )
    .argument('<file>', 'the event log')
    .option('--train-fraction <share>', 'share of the cases, by first timestamp, to train on', '0.67')
    .option('--out <file>', 'write the predictions as JSON lines to this file (default: standard output)')
    .option('--json', 'print the summary as JSON (shape: src/insights/ARCHITECTURE.md); needs --out')
    .option('--case <column>', 'case id column (CSV) or trace attribute (XES), as for cello mine')
    .option('--activity <column>', 'activity column or event attribute (default concept:name)')
    .option('--timestamp <column>', 'timestamp column or event attribute (default time:timestamp)')
    .action(async (file: string, flags: PredictFlags) => {
      const trainFraction = parseTrainFraction(flags.trainFraction);
      if (flags.json && flags.out === undefined) {
        throw new InputError(
          '--json prints the summary on standard output, where the predictions would go; write them to a file with --out <file>.',
          { field: 'json' },
        );
      }
      const log = await readEventLogFile(file, {
        case: flags.case,
        activity: flags.activity,
        timestamp: flags.timestamp,
        attributes: true,
      });
      const fd = flags.out === undefined ? undefined : openOut(flags.out);
      let pending = '';
      const flush = () => {
        if (pending === '') return;
        if (fd === undefined) context.output.out(pending);
        else writeSync(fd, pending);
        pending = '';
      };
      const write = (line: PredictionLine) => {
        pending += `${JSON.stringify(line)}\n`;
        if (pending.length >= CHUNK) flush();
      };
      const progress = progressBar(fd === undefined && process.stdout.isTTY === true);
      try {
        const summary = predictLog(log, { trainFraction, onProgress: progress.update }, write);
        flush();
        progress.clear();
        if (flags.json) context.output.out(JSON.stringify(summary, null, 2));
        else if (fd === undefined) context.output.err(formatPredictionSummary(summary));
        else context.output.out(`${formatPredictionSummary(summary)}\nPredictions: ${flags.out}`);
      } finally {
        progress.clear();
        if (fd !== undefined) closeSync(fd);
      }
    });
};
