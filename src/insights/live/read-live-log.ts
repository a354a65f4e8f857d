import { EVENT_COLUMN as C, type EventColumnsRow, type EventLog } from '../../store/index.js';
import { EventLogBuilder, type ColumnarEventLog } from '../mining/index.js';
import type { CaseNotion } from './case-notion.js';
import { minesType, type LiveLogQuery } from './live-log-query.js';
import { selectCases } from './select-cases.js';

/** What the live log is read with: the log, the case notion, and who owns an event type (the resource fallback). */
export interface LiveLogSource {
  events: Pick<EventLog, 'scanColumns'>;
  notion: CaseNotion;
  ownerOfType(type: string): string | undefined;
}

/** Sees every scanned row, with its case id (undefined when it has none or is not mined), before any case filter. */
export type RowObserver = (row: EventColumnsRow, caseId: string | undefined) => void;

/** A columnar log of the live events, and what did not make it in. */
export interface LiveLog {
  log: ColumnarEventLog;
  /** Rows read from the store (after the type and time filters). */
  scanned: number;
  /** Rows without a case id (Cello's own records left out by the query are not counted). */
  withoutCase: number;
}

/**
 * Streams the store into the columnar log: activity = event type, time = the event's time, resource = the
 * publishing cell (else the cell that offers the type) or a data field. Rows arrive in log (seq) order, so
 * equal timestamps in a case keep their log order. Memory: one batch of rows plus the typed-array columns.
 */
export async function readLiveLog(
  source: LiveLogSource,
  query: LiveLogQuery = {},
  observe?: RowObserver,
): Promise<LiveLog> {
  const { notion } = source;
  const byCase = query.workflow !== undefined || query.template !== undefined;
  const resourceOf = compileResource(query.resource, source.ownerOfType);
  const wholeTypes = notion.expressionTypes.length > 0 ? [...notion.expressionTypes] : undefined;
  const builder = new EventLogBuilder({ format: 'events', activityKey: 'type' });
  const keep = byCase ? new Set<string>() : undefined;
  const mines = minesType(query);
  let scanned = 0;
  let withoutCase = 0;
  // Extensions are read only where a row needs them. Filters by workflow and case-id expressions need them on
  // every row; the caseid fallback only on rows without a subject, which a healthy log rarely has: the scan
  // starts without them and, at the first such row, goes on from there with them (one column fewer for the
  // million rows before it).
  const expressions = new Set(notion.expressionTypes);
  let extensions: 'all' | 'without-subject' | undefined = byCase || wholeTypes ? 'all' : undefined;
  let afterSeq: number | undefined;
  // The hot loop: a million rows in a second, so nothing here allocates.
  const caseOf = notion.caseOf;
  const noResource = query.resource === 'none';
  scanning: for (;;) {
    const scan = source.events.scanColumns({
      ...(afterSeq !== undefined ? { afterSeq } : {}),
      ...(query.types ? { types: query.types } : {}),
      ...(query.fromMs !== undefined ? { fromMs: query.fromMs } : {}),
      ...(query.toMs !== undefined ? { toMs: query.toMs } : {}),
      ...(extensions ? { extensions } : {}),
      ...(resourceOf.needsData ? { whole: true } : wholeTypes ? { whole: wholeTypes } : {}),
      ...(noResource ? { publisher: false } : {}),
    });
    for await (const batch of scan) {
      for (let i = 0; i < batch.length; i++) {
        const row = batch[i]!;
        const type = row[C.type];
        if (mines !== undefined && !mines(type)) {
          scanned++;
          if (observe) observe(row, undefined);
          continue;
        }
        if (extensions === undefined && row[C.subject] === null && !expressions.has(type)) {
          extensions = 'without-subject';
          afterSeq = row[C.seq] - 1;
          continue scanning;
        }
        scanned++;
        const caseId = caseOf(row);
        if (observe) observe(row, caseId);
        if (caseId === undefined) {
          withoutCase++;
          continue;
        }
        builder.add(caseId, type, row[C.timeMs], noResource ? undefined : resourceOf(row));
        if (keep) {
          const json = row[C.extensions];
          if (json && matchesWorkflow(json, query)) keep.add(caseId);
        }
      }
    }
    break;
  }
  for (const [type, { missing, failed }] of notion.misses) {
    if (missing > 0)
      builder.warn(`${missing} event(s) of type ${type} have no case id (${notion.describe()}); they are not mined.`);
    if (failed > 0)
      builder.warn(
        `The case-id expression of ${type} failed on ${failed} event(s); they are not mined. Check spec.mining.caseIds.`,
      );
  }
  const log = builder.build();
  return { log: keep ? selectCases(log, (id) => keep.has(id)) : log, scanned, withoutCase };
}

type ResourceOf = ((row: EventColumnsRow) => string | undefined) & { needsData?: boolean };

function compileResource(spec: string | undefined, ownerOfType: (type: string) => string | undefined): ResourceOf {
  if (spec === 'none') return () => undefined;
  if (spec === undefined || spec === 'publisher') {
    // System events (workflows, governance) have no publisher: the cell that offers the type stands in.
    return (row) => row[C.publisher] ?? ownerOfType(row[C.type]);
  }
  const path = spec.split('.').slice(1);
  const of: ResourceOf = (row) => {
    const data = row[C.data];
    if (!data) return undefined;
    let value: unknown = JSON.parse(data);
    for (const key of path)
      value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
  };
  of.needsData = true;
  return of;
}

function matchesWorkflow(extensionsJson: string, query: LiveLogQuery): boolean {
  const extensions = JSON.parse(extensionsJson) as Record<string, unknown>;
  if (query.workflow !== undefined && extensions.workflow !== query.workflow) return false;
  if (query.template !== undefined) {
    const template =
      typeof extensions.template === 'string' ? extensions.template.replace(/^template:/, '') : undefined;
    if (template === undefined) return false;
    if (template !== query.template && template.split('@')[0] !== query.template) return false;
  }
  return true;
}
