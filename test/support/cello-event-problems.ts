/**
 * Proof that the event catalogue tells the truth: every Cello event a real scenario left in the log is a known type
 * from the source the catalogue names, and its data matches the schema, with no field the schema leaves out (the
 * catalogue accepts extra fields, so old readers survive new ones; here they would be an undocumented change).
 */
import { isDeepStrictEqual } from 'node:util';
import { Value } from '@sinclair/typebox/value';
import { expect } from 'vitest';
import {
  CATALOG,
  CELLO_EVENT_PREFIX,
  parseCelloEvent,
  type CelloEventType,
  type StoredEvent,
} from '../../src/model/index.js';
import type { EventLog } from '../../src/store/index.js';

/** What is wrong with the Cello events of a log (`#seq type: …`), and which types it holds. */
export async function celloEventProblems(
  events: Pick<EventLog, 'scan'>,
): Promise<{ problems: string[]; types: Set<string> }> {
  const problems: string[] = [];
  const types = new Set<string>();
  for await (const batch of events.scan({ types: [`${CELLO_EVENT_PREFIX}*`] })) {
    for (const event of batch) {
      types.add(event.type);
      const problem = problemOf(event);
      if (problem) problems.push(`#${event.seq} ${event.type}: ${problem}`);
    }
  }
  return { problems, types };
}

/** Asserts that the log holds only catalogued Cello events, among them at least the `expected` types. */
export async function expectCataloguedEvents(
  events: Pick<EventLog, 'scan'>,
  expected: readonly CelloEventType[],
): Promise<void> {
  const { problems, types } = await celloEventProblems(events);
  expect(problems).toEqual([]);
  expect([...types]).toEqual(expect.arrayContaining([...expected]));
}

function problemOf(event: StoredEvent): string | undefined {
  const parsed = parseCelloEvent(event);
  if (!parsed.ok) return parsed.problem;
  const { source, data } = CATALOG[parsed.type];
  if (!sourcePattern(source).test(event.source)) return `source ${event.source} is not ${source}`;
  const cleaned = Value.Clean(data, structuredClone(event.data));
  if (!isDeepStrictEqual(cleaned, event.data))
    return `data has fields the catalogue does not name: ${extraPaths(event.data, cleaned).join(', ')}`;
  return undefined;
}

/** `/cello/workflows/{workflow}` → /^\/cello\/workflows\/[^]+$/ */
function sourcePattern(source: string): RegExp {
  const parts = source.split(/\{[^}]+\}/).map((p) => p.replace(/[.*+?^$()|[\]\\/]/g, '\\$&'));
  return new RegExp(`^${parts.join('.+')}$`);
}

function extraPaths(value: unknown, cleaned: unknown, at = ''): string[] {
  if (!value || typeof value !== 'object' || !cleaned || typeof cleaned !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key in cleaned ? extraPaths(inner, (cleaned as Record<string, unknown>)[key], `${at}/${key}`) : [`${at}/${key}`],
  );
}
