import { ManifestApplied, type CloudEvent, type Manifest } from '../model/index.js';
import {
  createCommitNotifier,
  createInProcessTransport,
  LOG_COMMITTED,
  parseCommitNotice,
  type Transport,
  type Unsubscribe,
} from '../bus/index.js';
import { newId, systemClock, type Clock, type Logger } from '../shared/index.js';
import type { Store } from '../store/index.js';
import {
  createDeliveryWorker,
  DEFAULT_DELIVERY_OPTIONS,
  type DeliveryWorker,
  type DeliveryWorkerOptions,
} from './delivery/delivery-worker.js';
import type { Service } from './feature-module.js';
import { EventFeed } from './event-feed.js';
import { createMetrics, type Metrics } from './metrics.js';
import { createOrgView, type OrgView } from './org-view.js';
import { createPublisher, type Publisher, type PublishOutcome } from './publish/publisher.js';
import { SubscriptionRouter } from './routing/subscription-router.js';

export interface RuntimeDeps {
  store: Store;
  logger: Logger;
  clock?: Clock;
  metrics?: Metrics;
  delivery?: Partial<DeliveryWorkerOptions>;
  /** How often the log is polled for writes by other processes: the safety net under the transport's notices. */
  feedPollMs?: number;
  /** Carries commit notices between instances (NATS when scaled out). Default: in-process, this process only. */
  transport?: Transport;
}

/** The event runtime every module is built on; started first and stopped last by src/app. */
export interface Runtime extends Service {
  clock: Clock;
  metrics: Metrics;
  publisher: Publisher;
  /** Committed events to in-process listeners: SSE, and the wake-up of the durable log consumers. */
  feed: EventFeed;
  worker: DeliveryWorker;
  transport: Transport;
  store: Store;
  logger: Logger;
  /** The organization applied now (replaced on every apply, from any process). */
  org(): OrgView;
  router(): SubscriptionRouter;
  /** Reads the applied organization again. */
  reload(): Promise<void>;
  /** Publishes Cello's own events (detectors, governance, workflows) as the system component named. */
  emit(component: string, events: CloudEvent[]): Promise<PublishOutcome[]>;
}

/**
 * The event runtime: the applied organization, the publisher (group commit + outbox), the feed of
 * committed events and the delivery worker. Applies from any process are noticed through the log
 * (`ManifestApplied`), so several servers and the CLI can share one store. After each commit
 * a notice goes out on the transport; other instances read the log at once instead of on their next
 * poll, and wake their delivery workers. A lost notice only delays: the poll still finds the events.
 */
export async function createRuntime(deps: RuntimeDeps): Promise<Runtime> {
  const clock = deps.clock ?? systemClock;
  const metrics = deps.metrics ?? createMetrics();
  let state = await load();

  async function load(): Promise<{ org: OrgView; router: SubscriptionRouter }> {
    const manifests: Manifest[] = (await deps.store.manifests.current()).map((v) => v.manifest);
    const org = createOrgView(manifests);
    return { org, router: new SubscriptionRouter(org.subscriptions) };
  }

  const feed = new EventFeed(deps.store.events, deps.logger, deps.feedPollMs);
  const transport = deps.transport ?? createInProcessTransport({ logger: deps.logger });
  const origin = newId();
  const notifier = createCommitNotifier(transport, { origin, logger: deps.logger });
  let stopListening: Unsubscribe | undefined;
  const publisher = createPublisher({
    store: deps.store,
    clock,
    current: () => state,
    onCommitted: (events) => {
      feed.offer(events);
      notifier.committed(events);
    },
    onOutbox: () => {
      worker.wake();
      notifier.queuedDeliveries();
    },
  });
  const system = (component: string) => ({ kind: 'system' as const, component });
  const worker = createDeliveryWorker(
    {
      store: deps.store,
      clock,
      logger: deps.logger,
      metrics,
      current: () => state,
      record: (work) => publisher.record(work),
    },
    { ...DEFAULT_DELIVERY_OPTIONS, ...deps.delivery },
  );

  feed.subscribe((events) => {
    if (events.some((e) => e.type === ManifestApplied)) void reload();
  });

  let reloads = 0;
  async function reload(): Promise<void> {
    // Reloads may overlap (back-to-back applies): only the latest one started may replace the organization.
    const generation = ++reloads;
    try {
      const loaded = await load();
      if (generation === reloads) state = loaded;
    } catch (error) {
      deps.logger.error({ err: error }, 'reloading the organization failed; keeping the previous one');
    }
  }

  return {
    clock,
    metrics,
    publisher,
    feed,
    worker,
    transport,
    store: deps.store,
    logger: deps.logger,
    org: () => state.org,
    router: () => state.router,
    reload,
    emit: (component: string, events: CloudEvent[]) => publisher.publish(system(component), events),
    async start(): Promise<void> {
      await feed.start();
      stopListening = await transport.subscribe(LOG_COMMITTED, (message) => {
        const notice = parseCommitNotice(message.json());
        if (notice.origin === origin) return;
        feed.noticed(notice.lastSeq);
        if (notice.outbox) worker.wake();
      });
      // Whatever another instance committed between reading the log's end and subscribing.
      feed.poke();
      worker.start();
    },
    async stop(): Promise<void> {
      await stopListening?.();
      await feed.stop();
      await worker.stop();
      await notifier.flush();
      if (!deps.transport) await transport.close();
    },
  };
}
