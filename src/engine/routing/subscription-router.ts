import {
  compileExpression,
  matchesTypePattern,
  type CloudEvent,
  type CompiledExpression,
  type ManifestOf,
  type SubscriptionAction,
} from '../../model/index.js';

/** The compiled expressions of an emit action: what the derived event carries. */
export interface EmitExpressions {
  data?: CompiledExpression;
  subject?: CompiledExpression;
}

/** One subscription action an event triggers. */
export interface RouteMatch {
  subscription: string;
  cell: string;
  actionIndex: number;
  action: SubscriptionAction;
  /** For emit actions. */
  emit?: EmitExpressions;
}

interface CompiledSubscription {
  name: string;
  cell: string;
  patterns: string[];
  filter?: (event: CloudEvent) => boolean;
  actions: SubscriptionAction[];
  emitters: Map<number, EmitExpressions>;
}

/** The CEL view of an event: `event.type`, `event.data.score`, extensions at top level. */
export function celEventView(event: CloudEvent): Record<string, unknown> {
  return {
    ...event.extensions,
    specversion: event.specversion,
    id: event.id,
    source: event.source,
    type: event.type,
    subject: event.subject ?? '',
    time: event.time ?? '',
    datacontenttype: event.datacontenttype ?? '',
    data: event.data ?? null,
  };
}

/**
 * Routes events to subscriptions: an index on exact types, a short list of prefix patterns, then the
 * subscription's CEL filter. Filters compile once, when the organization is applied.
 */
export class SubscriptionRouter {
  private readonly exact = new Map<string, CompiledSubscription[]>();
  private readonly prefixed: CompiledSubscription[] = [];
  /** Filter evaluations that failed (a missing field, a type mismatch): counted, treated as no match. */
  filterErrors = 0;

  constructor(subscriptions: readonly ManifestOf<'Subscription'>[]) {
    for (const manifest of subscriptions) {
      const { spec } = manifest;
      const compiled: CompiledSubscription = {
        name: manifest.metadata.name,
        cell: spec.cell.slice('cell:'.length),
        patterns: spec.types,
        actions: spec.actions,
        emitters: new Map(),
      };
      spec.actions.forEach((action, i) => {
        if (!('emit' in action)) return;
        const where = `Subscription/${manifest.metadata.name} spec.actions[${i}].emit`;
        compiled.emitters.set(i, {
          ...(action.emit.data ? { data: compileExpression(action.emit.data, { where: `${where}.data` }) } : {}),
          ...(action.emit.subject
            ? { subject: compileExpression(action.emit.subject, { where: `${where}.subject` }) }
            : {}),
        });
      });
      if (spec.filter) {
        const expression = compileExpression(spec.filter, {
          where: `Subscription/${manifest.metadata.name} spec.filter`,
        });
        compiled.filter = (event) => expression.evaluate({ event: celEventView(event) }) === true;
      }
      if (spec.types.some((t) => t.endsWith('.*'))) this.prefixed.push(compiled);
      for (const type of spec.types.filter((t) => !t.endsWith('.*'))) {
        this.exact.set(type, [...(this.exact.get(type) ?? []), compiled]);
      }
    }
  }

  /** Every action this event triggers, in subscription then action order. */
  route(event: CloudEvent): RouteMatch[] {
    const candidates = new Set(this.exact.get(event.type) ?? []);
    for (const s of this.prefixed) if (s.patterns.some((p) => matchesTypePattern(event.type, p))) candidates.add(s);
    const matches: RouteMatch[] = [];
    for (const s of candidates) {
      if (s.filter && !this.passes(s.filter, event)) continue;
      s.actions.forEach((action, actionIndex) => {
        const emit = s.emitters.get(actionIndex);
        matches.push({ subscription: s.name, cell: s.cell, actionIndex, action, ...(emit ? { emit } : {}) });
      });
    }
    return matches;
  }

  private passes(filter: (event: CloudEvent) => boolean, event: CloudEvent): boolean {
    try {
      return filter(event);
    } catch {
      this.filterErrors++;
      return false;
    }
  }
}
