import { InputError } from '../../shared/index.js';
import type { ColumnarEventLog } from './columnar-event-log.js';
import { CsvRecordParser } from './csv-record-parser.js';
import { EventLogBuilder } from './event-log-builder.js';
import { MissingFieldTally } from './missing-field-tally.js';
import { parseTimestamp } from './parse-timestamp.js';
import { compileReadOptions, type ReadOptions } from './read-options.js';
import { readTextChunks } from './read-text-chunks.js';

/** Finds a required column, or says which columns there are and which flag picks another. */
function requiredColumn(header: string[], name: string, role: string, flag: string, file: string): number {
  const index = header.indexOf(name);
  if (index >= 0) return index;
  throw new InputError(
    `The CSV ${file} has no column "${name}" for the ${role}; its columns are ${header.map((h) => `"${h}"`).join(', ')}. Name the right one with ${flag} <column>.`,
    { file, line: 1, field: flag },
  );
}

/**
 * Streams a CSV file (RFC 4180; plain or gzip-compressed) with a header row into a columnar log.
 * Case, activity and timestamp columns are required (defaults `case:concept:name`, `concept:name`,
 * `time:timestamp`); `org:resource` and `lifecycle:transition` are used when present. Blank lines are skipped.
 * With `attributes`, every other column is kept as data (a `case:` column as a trace attribute).
 */
export async function readCsv(file: string, options: ReadOptions = {}): Promise<ColumnarEventLog> {
  const keys = compileReadOptions(options, 'csv');
  if (keys.classifier !== undefined) {
    throw new InputError(
      `A CSV file declares no classifiers, so --classifier "${keys.classifier}" cannot be used with ${file}; use name or name+lifecycle.`,
      {
        file,
        field: 'classifier',
      },
    );
  }
  const builder = new EventLogBuilder({ format: 'csv', file, activityKey: keys.activity });
  const tally = new MissingFieldTally();
  let header: string[] | undefined;
  let caseColumn = -1;
  let activityColumn = -1;
  let timestampColumn = -1;
  let resourceColumn = -1;
  let lifecycleColumn = -1;
  // With `attributes`: the other columns, as [column index, key, scope] (a `case:` column is the trace's).
  let dataColumns: { index: number; key: string; trace: boolean }[] = [];

  const parser = new CsvRecordParser(file, keys.delimiter, (fields, count, line) => {
    if (count === 1 && fields[0] === '') return;
    if (header === undefined) {
      header = fields.slice(0, count);
      caseColumn = requiredColumn(header, keys.case, 'case id', '--case', file);
      activityColumn = requiredColumn(header, keys.activity, 'activity', '--activity', file);
      timestampColumn = requiredColumn(header, keys.timestamp, 'timestamp', '--timestamp', file);
      resourceColumn = header.indexOf(keys.resource);
      lifecycleColumn = header.indexOf(keys.lifecycle);
      const roles = [caseColumn, activityColumn, timestampColumn, resourceColumn, lifecycleColumn];
      if (keys.attributes) {
        dataColumns = header.flatMap((name, index) =>
          roles.includes(index) || name === ''
            ? []
            : [{ index, key: name.replace(/^case:/, ''), trace: name.startsWith('case:') }],
        );
      }
      return;
    }
    if (count > header.length) {
      throw new InputError(
        `${file}:${line}: this row has ${count} fields but the header has ${header.length}; a value that contains the delimiter ${JSON.stringify(keys.delimiter)} must be quoted ("…").`,
        { file, line },
      );
    }
    const caseId = caseColumn < count ? fields[caseColumn]! : '';
    const activity = activityColumn < count ? fields[activityColumn]! : '';
    const time = timestampColumn < count ? fields[timestampColumn]! : '';
    if (caseId === '') tally.note(`rows without a case id (column "${keys.case}")`, line);
    if (activity === '') tally.note(`rows without an activity (column "${keys.activity}")`, line);
    if (time === '') tally.note(`rows without a timestamp (column "${keys.timestamp}")`, line);
    if (!tally.empty) return;
    const timestamp = parseTimestamp(time);
    if (timestamp === undefined) {
      throw new InputError(
        `${file}:${line}: the timestamp "${time}" (column "${keys.timestamp}") is not a date; write it as ISO 8601, e.g. 2011-10-01 11:36:46.437+02:00.`,
        { file, line, field: keys.timestamp },
      );
    }
    const resource = resourceColumn >= 0 && resourceColumn < count ? fields[resourceColumn] : undefined;
    const lifecycle = lifecycleColumn >= 0 && lifecycleColumn < count ? fields[lifecycleColumn] : undefined;
    builder.add(caseId, activity, timestamp, resource, lifecycle);
    for (const { index, key, trace } of dataColumns) {
      const value = index < count ? fields[index]! : '';
      if (value === '') continue;
      if (trace) builder.setCaseAttribute(key, 'string', value);
      else builder.setEventAttribute(key, 'string', value);
    }
  });

  for await (const chunk of readTextChunks(file)) parser.write(chunk);
  parser.end();
  if (header === undefined) throw new InputError(`The CSV ${file} is empty: it has no header row.`, { file });
  tally.throwIfAny(file);
  return builder.build();
}
