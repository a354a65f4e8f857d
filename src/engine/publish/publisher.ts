import { createHash } from 'node:crypto';
import {
  CELLO_EVENT_PREFIX,
  isHistory,
  describePrincipal,
  type CloudEvent,
  type Principal,
  type StoredEvent,
} from '../../model/index.js';
import { InputError, NotAllowedError, type Clock } from '../../shared/index.js';
import type { AppendOutcome, Repositories, Store } from '../../store/index.js';
import type { OrgView } from '../org-view.js';
import { celEventView, type RouteMatch, type SubscriptionRouter } from '../routing/subscription-router.js';
import { deliveryDb } from '../delivery/delivery-tables.js';
import { isWebhookMatch, outboxRow } from '../delivery/outbox-row.js';
import { GroupCommit } from './group-commit.js';
import type { RecordChange } from './record-change.js';

/** Derived events may trigger further subscriptions, up to this depth (a guard against emit loops). */
const MAX_DERIVATION_DEPTH = 3;

export interface PublisherDeps {
  store: Store;
  clock: Clock;
  /** The current organization and its router; replaced on every apply. */
  current(): { org: OrgView; router: SubscriptionRouter };
  /** Called after each commit with the newly stored events (never duplicates). */
  onCommitted(events: StoredEvent[]): void;
  /** Called after a commit that queued webhook deliveries. */
  onOutbox?(): void;
}

export interface PublishOutcome extends AppendOutcome {
  id: string;
  source: string;
}

interface Pending {
  event: CloudEvent;
  publisher?: string;
}

/** The one way into the log: group-committed publishes, and state changes with the events that record them. */
export interface Publisher {
  /** Publishes on behalf of `principal`; resolves once every event is committed (or was already). */
  publish(principal: Principal, events: CloudEvent[]): Promise<PublishOutcome[]>;
  /**
   * Runs a state change and appends the events that record it in one transaction, routed like any other event:
   * how governance and workflows keep "every act is an event in the same log".
   */
  record: RecordChange;
  /** Submissions waiting for the next group commit. */
  readonly queueDepth: number;
}

/** Authorizes, validates and durably appends events; deliveries are written in the same transaction. */
export function createPublisher(deps: PublisherDeps): Publisher {
  const commit = new GroupCommit<Pending, AppendOutcome>((items) => flush(items));

  async function flush(items: Pending[]): Promise<AppendOutcome[]> {
    const { router } = deps.current();
    const stored: StoredEvent[] = [];
    const outcomes = await deps.store.transaction((tx) => appendAndRoute(tx, router, items, stored));
    afterCommit(stored);
    return outcomes;
  }

  let outboxWritten = false;

  function afterCommit(stored: StoredEvent[]): void {
    deps.onCommitted(stored);
    if (outboxWritten) {
      outboxWritten = false;
      deps.onOutbox?.();
    }
  }

  /** Appends, writes the outbox rows, and appends (and routes) derived events; collects what was stored. */
  async function appendAndRoute(
    tx: Repositories,
    router: SubscriptionRouter,
    items: Pending[],
    stored: StoredEvent[],
  ): Promise<AppendOutcome[]> {
    const result = await tx.events.append(items);
    const recordedAt = deps.clock.now().toISOString();
    // Object.assign, not `{ ...event, seq }`: V8 copies a spread that adds properties slowly (2 µs an event here).
    let fresh = items.flatMap((item, i) =>
      result[i]!.duplicate ? [] : [Object.assign({}, item.event, { seq: result[i]!.seq, recordedAt })],
    );
    for (let depth = 0; fresh.length > 0; depth++) {
      stored.push(...fresh);
      const derived = await recordRoutes(tx, router, fresh, depth);
      if (derived.length === 0) break;
      const derivedResult = await tx.events.append(derived.map((event) => ({ event })));
      fresh = derived.flatMap((event, i) =>
        derivedResult[i]!.duplicate ? [] : [Object.assign({}, event, { seq: derivedResult[i]!.seq, recordedAt })],
      );
    }
    return result;
  }

  /** Writes delivery rows for webhook actions and returns the events that emit actions derive. */
  async function recordRoutes(
    tx: Repositories,
    router: SubscriptionRouter,
    events: StoredEvent[],
    depth: number,
  ): Promise<CloudEvent[]> {
    const rows = [];
    const derived: CloudEvent[] = [];
    const now = deps.clock.now();
    for (const event of events) {
      if (isHistory(event)) continue;
      for (const match of router.route(event)) {
        if (isWebhookMatch(match)) {
          rows.push(outboxRow(event.seq, match, now));
        } else if ('emit' in match.action && depth < MAX_DERIVATION_DEPTH) {
          const emitted = deriveEvent(event, match);
          if (emitted) derived.push(emitted);
        }
      }
    }
    if (rows.length > 0) {
      await deliveryDb(tx.db).insertInto('deliveries').values(rows).execute();
      outboxWritten = true;
    }
    return derived;
  }

  function deriveEvent(event: StoredEvent, match: RouteMatch): CloudEvent | undefined {
    if (!('emit' in match.action)) return undefined;
    const { emit } = match.action;
    const view = { event: celEventView(event) };
    try {
      const data = match.emit?.data ? match.emit.data.evaluate(view) : event.data;
      const subject = match.emit?.subject ? String(match.emit.subject.evaluate(view)) : event.subject;
      // A deterministic id makes a replayed source event derive the same event, which the log then deduplicates.
      const id = createHash('sha256')
        .update(`${event.source}\u0000${event.id}\u0000${match.subscription}\u0000${match.actionIndex}`)
        .digest('hex')
        .slice(0, 32);
      return {
        specversion: '1.0',
        id,
        source: `/cello/subscriptions/${match.subscription}`,
        type: emit.type,
        time: event.time ?? event.recordedAt,
        datacontenttype: 'application/json',
        ...(subject ? { subject } : {}),
        data,
        extensions: { causationid: `${event.source}#${event.id}` },
      };
    } catch {
      return undefined;
    }
  }

  return {
    async publish(principal: Principal, events: CloudEvent[]): Promise<PublishOutcome[]> {
      const { org } = deps.current();
      events.forEach((event, index) => authorize(org, principal, event, events.length > 1 ? index : undefined));
      const publisher = principal.kind === 'cell' ? principal.cell : undefined;
      const outcomes = await commit.submit(events.map((event) => ({ event, ...(publisher ? { publisher } : {}) })));
      return outcomes.map((o, i) => ({ ...o, id: events[i]!.id, source: events[i]!.source }));
    },
    async record<T>(work: (tx: Repositories) => Promise<{ result: T; events: CloudEvent[] }>): Promise<T> {
      const { router } = deps.current();
      const stored: StoredEvent[] = [];
      const result = await deps.store.transaction(async (tx) => {
        const { result, events } = await work(tx);
        if (events.length > 0)
          await appendAndRoute(
            tx,
            router,
            events.map((event) => ({ event })),
            stored,
          );
        return result;
      });
      afterCommit(stored);
      return result;
    },
    get queueDepth() {
      return commit.depth;
    },
  };
}

function authorize(org: OrgView, principal: Principal, event: CloudEvent, index: number | undefined): void {
  const at = index === undefined ? '' : ` (event ${index} of the batch)`;
  if (principal.kind === 'cell') {
    const owner = org.ownerOfType(event.type);
    if (owner !== principal.cell) {
      const offered = org.typesOfferedBy(principal.cell);
      const reason = event.type.startsWith(CELLO_EVENT_PREFIX)
        ? `${event.type} is reserved for Cello itself`
        : owner
          ? `${event.type} is offered by cell:${owner}`
          : `no cell offers ${event.type}; add it to an event offer of cell:${principal.cell} and apply`;
      throw new NotAllowedError(
        `${describePrincipal(principal)} may publish only the event types cell:${principal.cell} offers (${offered.join(', ') || 'none'}); ${reason}${at}.`,
        { rule: 'publish-offered-types', field: 'type', ...(index !== undefined ? { index } : {}) },
      );
    }
  }
  const problems = org.dataProblems(event.type, event.data);
  if (problems.length > 0) {
    throw new InputError(
      `The data of ${event.type}${at} does not match the schema its offer declares: ${problems.join('; ')}.`,
      {
        field: 'data',
        problems,
        ...(index !== undefined ? { index } : {}),
      },
    );
  }
}
