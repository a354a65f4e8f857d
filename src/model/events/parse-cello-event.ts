import type { TSchema } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { CATALOG, isCelloEventType, type CelloEvent, type CelloEventType } from './catalog.js';

/** A Cello event whose data matched its schema, or what is wrong with it. */
export type ParsedCelloEvent = (CelloEvent & { ok: true }) | { ok: false; type: string; problem: string };

const MAX_PROBLEMS = 3;
const checkers = new Map<CelloEventType, TypeCheck<TSchema>>();

/**
 * Reads one of Cello's own events: a known type whose `data` matches the catalogue's schema comes back typed
 * (narrow on `type`); anything else comes back with a sentence saying what is wrong. Each schema compiles once.
 */
export function parseCelloEvent(event: { type: string; data?: unknown }): ParsedCelloEvent {
  const { type, data } = event;
  if (!Object.hasOwn(CATALOG, type)) {
    return {
      ok: false,
      type,
      problem: isCelloEventType(type)
        ? `${type} is not in Cello's event catalogue; GET /v1/events/catalog lists the types Cello emits.`
        : `${type} is not one of Cello's own event types, so the event catalogue does not describe it.`,
    };
  }
  const known = type as CelloEventType;
  const checker = checkerOf(known);
  if (checker.Check(data)) return { ok: true, type: known, data } as ParsedCelloEvent;
  const problems: string[] = [];
  for (const error of checker.Errors(data)) {
    problems.push(`${error.path || '(the data itself)'}: ${error.message.toLowerCase()}`);
    if (problems.length === MAX_PROBLEMS) break;
  }
  return {
    ok: false,
    type,
    problem: `The data of ${type} does not match its schema in the event catalogue (${problems.join('; ')}).`,
  };
}

function checkerOf(type: CelloEventType): TypeCheck<TSchema> {
  let checker = checkers.get(type);
  if (!checker) {
    checker = TypeCompiler.Compile(CATALOG[type].data);
    checkers.set(type, checker);
  }
  return checker;
}
