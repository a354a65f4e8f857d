import { celEventView } from '../../engine/index.js';
import {
  compileExpression,
  type CloudEvent,
  type CompiledExpression,
  type ExtensionValue,
  type ManifestOf,
} from '../../model/index.js';
import { EVENT_COLUMN as C, type EventColumnsRow } from '../../store/index.js';

/**
 * Which case an event belongs to, as the organization defines it (`spec.mining.caseIds`): a CEL expression per
 * event type; by default the event's `subject`, then its `caseid` extension. Events with no case id are counted,
 * not mined.
 */
export interface CaseNotion {
  /** Types whose case id comes from an expression: their rows must be read whole (data, extensions). */
  readonly expressionTypes: readonly string[];
  /** The case id of a row, or undefined when it has none. */
  caseOf(row: EventColumnsRow): string | undefined;
  /** How many rows had no case id, and how many expressions failed, by type; for the log's warnings. */
  readonly misses: ReadonlyMap<string, { missing: number; failed: number }>;
  /** The rule, in words, for results and exports. */
  describe(): string;
}

/** Compiles the organization's case-id expressions once; without an organization, the defaults apply. */
export function compileCaseNotion(organization?: ManifestOf<'Organization'>): CaseNotion {
  const expressions = new Map<string, CompiledExpression>();
  (organization?.spec.mining?.caseIds ?? []).forEach((rule, index) => {
    if (expressions.has(rule.type)) return;
    const where = `Organization/${organization!.metadata.name} spec.mining.caseIds[${index}].expression`;
    expressions.set(rule.type, compileExpression(rule.expression, { variables: ['event'], where }));
  });
  const misses = new Map<string, { missing: number; failed: number }>();
  const miss = (type: string, failed: boolean) => {
    let entry = misses.get(type);
    if (!entry) misses.set(type, (entry = { missing: 0, failed: 0 }));
    if (failed) entry.failed++;
    else entry.missing++;
  };

  return {
    expressionTypes: [...expressions.keys()],
    misses,
    caseOf(row) {
      // The common case (no expressions) costs one map lookup on an empty map.
      const type = row[C.type];
      const expression = expressions.size > 0 ? expressions.get(type) : undefined;
      if (expression) {
        let value: unknown;
        try {
          value = expression.evaluate({ event: celEventView(wholeEvent(row)) });
        } catch {
          miss(type, true);
          return undefined;
        }
        const id = caseValue(value);
        if (id === undefined) miss(type, false);
        return id;
      }
      const subject = row[C.subject];
      if (subject) return subject;
      const extensions = row[C.extensions];
      if (extensions) {
        const id = caseValue((JSON.parse(extensions) as Record<string, unknown>).caseid);
        if (id !== undefined) return id;
      }
      miss(type, false);
      return undefined;
    },
    describe() {
      const rules = [...expressions].map(([type, e]) => `${type}: ${e.source}`);
      return `${rules.length > 0 ? `${rules.join('; ')}; otherwise ` : ''}the subject, then the caseid extension`;
    },
  };
}

/** A case id is a non-empty string or a number; anything else means "no case". */
function caseValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return undefined;
}

/** The CloudEvent a whole row describes, for CEL. */
export function wholeEvent(row: EventColumnsRow): CloudEvent {
  const subject = row[C.subject];
  const time = row[C.time];
  const data = row[C.data];
  const extensions = row[C.extensions];
  return {
    specversion: '1.0',
    id: row[C.id] ?? '',
    source: row[C.source] ?? '',
    type: row[C.type],
    ...(subject !== null ? { subject } : {}),
    ...(time ? { time } : {}),
    ...(data ? { data: JSON.parse(data) as unknown } : {}),
    ...(extensions ? { extensions: JSON.parse(extensions) as Record<string, ExtensionValue> } : {}),
  };
}
