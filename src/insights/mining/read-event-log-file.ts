import { InputError } from '../../shared/index.js';
import type { ColumnarEventLog } from './columnar-event-log.js';
import { readCsv } from './csv-reader.js';
import type { ReadOptions } from './read-options.js';
import { readXes } from './xes-reader.js';

/** The formats a file name announces, gzip or not. */
export function eventLogFormat(file: string): 'xes' | 'csv' | undefined {
  const name = file.toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.xes')) return 'xes';
  if (name.endsWith('.csv')) return 'csv';
  return undefined;
}

/** Reads an event log file, choosing XES or CSV by its extension (`.xes`, `.xes.gz`, `.csv`, `.csv.gz`). */
export async function readEventLogFile(file: string, options: ReadOptions = {}): Promise<ColumnarEventLog> {
  const format = eventLogFormat(file);
  if (format === 'xes') return readXes(file, options);
  if (format === 'csv') return readCsv(file, options);
  throw new InputError(
    `Cannot tell the format of ${file}: event logs are read from XES (.xes, .xes.gz) or CSV (.csv, .csv.gz) files; rename it or convert it.`,
    { file },
  );
}
