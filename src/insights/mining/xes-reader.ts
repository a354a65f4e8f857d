import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { InputError } from '../../shared/index.js';
import type { ColumnarEventLog, XesClassifier, XesExtension, XesGlobalAttribute } from './columnar-event-log.js';
import { MAX_ELEMENT_CHARS, RunLength } from './element-limit.js';
import { EventLogBuilder } from './event-log-builder.js';
import { MissingFieldTally } from './missing-field-tally.js';
import { parseClassifierKeys } from './parse-classifier-keys.js';
import { parseTimestamp } from './parse-timestamp.js';
import { compileReadOptions, type ReadOptions } from './read-options.js';
import { readTextChunks } from './read-text-chunks.js';
import { XesTraceBuffer } from './xes-trace-buffer.js';

// What the element being read is; anything nested deeper than a trace's or event's own attributes is skipped.
const LOG = 1;
const TRACE = 2;
const EVENT = 3;
const GLOBAL_TRACE = 4;
const GLOBAL_EVENT = 5;
const SKIP = 6;

const ATTRIBUTE_TYPES = new Set(['string', 'date', 'int', 'float', 'boolean', 'id', 'list', 'container']);
// Kept as data when asked. Not dates: a trace's dates are often written when it ends (receipt's `enddate`),
// so using them would read the future.
const DATA_TYPES = new Set(['string', 'int', 'float', 'boolean', 'id']);

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * Streams a XES file (IEEE 1849; plain or gzip-compressed) into a columnar log. Trace and event attributes
 * of every type are read; nested attributes, lists and containers are skipped; extensions, classifiers and
 * globals are recorded in `source`. With `attributes`, the other string, number, boolean and id attributes
 * are kept as data columns. Global defaults are not substituted for missing case ids, activities or
 * timestamps: a log without them is refused with an InputError naming what is missing and where.
 */
export async function readXes(file: string, options: ReadOptions = {}): Promise<ColumnarEventLog> {
  const keys = compileReadOptions(options, 'xes');
  const extensions: XesExtension[] = [];
  const classifiers: XesClassifier[] = [];
  const globals: XesGlobalAttribute[] = [];
  const builder = new EventLogBuilder({
    format: 'xes',
    file,
    activityKey: keys.classifier ?? keys.activity,
    extensions,
    classifiers,
    globals,
  });
  const tally = new MissingFieldTally();
  const sources = {
    case: `trace attribute "${keys.case}"`,
    activity: `event attribute "${keys.activity}"`,
    timestamp: `event attribute "${keys.timestamp}"`,
  };
  const trace = new XesTraceBuffer(builder, tally, sources);
  const parser = new SaxesParser({ xmlns: false, fileName: file });

  const stack: number[] = [];
  let sawRoot = false;
  let eventsOutsideTraces = 0;
  // The attribute keys whose values make up an activity, once a declared classifier is resolved.
  let classKeys: string[] | undefined;
  const classValues: (string | undefined)[] = [];
  let activity: string | undefined;
  let timestamp = NaN;
  let resource: string | undefined;
  let lifecycle: string | undefined;
  let eventLine = 0;

  const where = () => `${file}:${parser.line}:${parser.column + 1}`;

  const resolveClassifier = () => {
    if (keys.classifier === undefined || classKeys !== undefined) return;
    const wanted = keys.classifier;
    const found =
      classifiers.find((c) => c.name === wanted) ??
      classifiers.find((c) => c.name.toLowerCase() === wanted.toLowerCase());
    if (!found) {
      const declared = classifiers.length ? classifiers.map((c) => `"${c.name}"`).join(', ') : 'none';
      throw new InputError(
        `The log ${file} declares no classifier named "${wanted}" (declared: ${declared}); pick one of those, or name+lifecycle.`,
        { file, field: 'classifier' },
      );
    }
    classKeys = found.keys;
    sources.activity = `classifier "${found.name}": ${found.keys.join(', ')}`;
  };

  const roles = new Set([keys.activity, keys.timestamp, keys.resource, keys.lifecycle]);
  const eventAttribute = (key: string, type: string, value: string) => {
    if (keys.attributes && !roles.has(key) && DATA_TYPES.has(type)) trace.eventAttribute(key, type, value);
    if (key === keys.activity) activity = value;
    if (key === keys.timestamp) {
      const parsed = parseTimestamp(value);
      if (parsed === undefined) {
        throw new InputError(
          `${where()}: the timestamp "${value}" (attribute "${key}") is not a date; write it as ISO 8601, e.g. 2011-10-01T11:36:46.437+02:00.`,
          { file, line: parser.line, column: parser.column + 1 },
        );
      }
      timestamp = parsed;
    }
    if (key === keys.resource) resource = value;
    if (key === keys.lifecycle) lifecycle = value;
    if (classKeys !== undefined) {
      const k = classKeys.indexOf(key);
      if (k >= 0) classValues[k] = value;
    }
  };

  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = localName(tag.name);
    const parent = stack.length === 0 ? 0 : stack[stack.length - 1]!;
    let kind = SKIP;
    if (parent === 0) {
      if (sawRoot || name !== 'log') {
        throw new InputError(
          `${where()}: the root element is <${tag.name}>, not <log>, so ${file} is not a XES event log.`,
          { file, line: parser.line },
        );
      }
      sawRoot = true;
      kind = LOG;
    } else if (ATTRIBUTE_TYPES.has(name)) {
      const key = tag.attributes.key ?? '';
      const value = tag.attributes.value ?? '';
      if (parent === EVENT) eventAttribute(key, name, value);
      else if (parent === TRACE && key === keys.case) trace.caseId = value;
      else if (parent === TRACE && keys.attributes && DATA_TYPES.has(name)) trace.traceAttribute(key, name, value);
      else if (parent === GLOBAL_TRACE || parent === GLOBAL_EVENT)
        globals.push({ scope: parent === GLOBAL_TRACE ? 'trace' : 'event', type: name, key, value });
    } else if (parent === LOG && name === 'trace') {
      resolveClassifier();
      trace.start(parser.line);
      kind = TRACE;
    } else if (parent === TRACE && name === 'event') {
      activity = undefined;
      timestamp = NaN;
      resource = undefined;
      lifecycle = undefined;
      classValues.length = 0;
      eventLine = parser.line;
      trace.openEvent();
      kind = EVENT;
    } else if (parent === LOG && name === 'event') {
      eventsOutsideTraces++;
    } else if (parent === LOG && name === 'global') {
      kind = tag.attributes.scope === 'trace' ? GLOBAL_TRACE : GLOBAL_EVENT;
    } else if (parent === LOG && name === 'extension') {
      extensions.push({
        name: tag.attributes.name ?? '',
        prefix: tag.attributes.prefix ?? '',
        uri: tag.attributes.uri ?? '',
      });
    } else if (parent === LOG && name === 'classifier') {
      classifiers.push({ name: tag.attributes.name ?? '', keys: parseClassifierKeys(tag.attributes.keys ?? '') });
    }
    stack.push(kind);
  });

  parser.on('closetag', () => {
    const kind = stack.pop();
    if (kind === EVENT) {
      if (classKeys !== undefined) activity = classValues.filter((v) => v !== undefined).join('+') || undefined;
      trace.push(activity, timestamp, resource, lifecycle, eventLine);
    } else if (kind === TRACE) {
      trace.flush();
    }
  });

  parser.on('error', (error) => {
    // saxes writes "file:line:column: what"; keep its position, and say what it means for the user.
    const match = /^(.*:\d+:\d+): (.*)$/s.exec(error.message);
    const at = match?.[1] ?? where();
    const what = (match?.[2] ?? error.message).replace(/\.$/, '');
    throw new InputError(`${at}: ${file} is not well-formed XML (${what}); repair it or export it again.`, {
      file,
      line: parser.line,
      column: parser.column + 1,
    });
  });

  let blank = true;
  const element = new RunLength('>');
  for await (const chunk of readTextChunks(file)) {
    if (blank && chunk.trim() !== '') blank = false;
    if (element.exceeded(chunk)) {
      throw new InputError(
        `${where()}: what follows here runs for more than ${MAX_ELEMENT_CHARS / (1024 * 1024)} MiB without closing a tag (one attribute value or text that long); Cello reads XES elements up to that size. Check that the file is the event log you meant.`,
        { file, line: parser.line },
      );
    }
    parser.write(chunk);
  }
  if (blank) throw new InputError(`The file ${file} is empty, so it holds no XES event log.`, { file });
  parser.close();
  resolveClassifier();
  tally.throwIfAny(file);
  if (eventsOutsideTraces > 0) {
    builder.warn(
      `${eventsOutsideTraces} ${eventsOutsideTraces === 1 ? 'event' : 'events'} outside any trace were skipped: they belong to no case.`,
    );
  }
  if (trace.mergedTraces > 0) {
    const traces = trace.mergedTraces === 1 ? '1 trace repeats' : `${trace.mergedTraces} traces repeat`;
    builder.warn(`${traces} the case id of an earlier trace; their events were merged into that case.`);
  }
  return builder.build();
}
