import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createApiServer, governanceRoutes, insightsRoutes, workflowRoutes } from '../api/index.js';
import { createInProcessTransport, publishCommitNotice, type Transport } from '../bus/index.js';
import { createMetrics, createRuntime, type Runtime, type Service } from '../engine/index.js';
import { createWorkflowEngine, type WorkflowEngine, type WorkflowEngineOptions } from '../workflows/index.js';
import { createGovernance, type Governance, type GovernanceOptions } from '../governance/index.js';
import { createInsights, type Insights, type InsightsDeps, type InsightsOptions } from '../insights/index.js';
import { applyManifests, validateFolder, type Finding } from '../manifests/index.js';
import { ManifestApplied } from '../model/index.js';
import { InputError, createLogger, silentLogger, systemClock, type Clock, type Logger } from '../shared/index.js';
import type { Store } from '../store/index.js';
import type { AppConfig } from './config.js';
import { LINT_RULES_OF_MODULES, MODULE_MIGRATIONS } from './modules.js';
import { openStore } from './open-store.js';

export interface App {
  config: AppConfig;
  store: Store;
  /** Carries commit notices between instances: NATS JetStream when `CELLO_NATS_URL` is set, else in-process. */
  transport: Transport;
  runtime: Runtime;
  governance: Governance;
  workflows: WorkflowEngine;
  insights: Insights;
  api: FastifyInstance;
  logger: Logger;
  /** Starts the runtime and listens; resolves with the base URL. */
  listen(): Promise<string>;
  /** Stops taking requests, finishes deliveries in flight, closes the transport and the store. */
  close(): Promise<void>;
}

/**
 * The one place that chooses a transport: NATS JetStream when `CELLO_NATS_URL` is set (loaded only then),
 * else in-process. Refuses to start, saying what to do, when NATS is configured but unreachable.
 */
export async function openTransport(
  config: Pick<AppConfig, 'nats'>,
  logger: Logger = silentLogger,
): Promise<Transport> {
  if (!config.nats) return createInProcessTransport({ logger });
  const { createNatsTransport } = await import('../bus/nats/index.js');
  return createNatsTransport({ ...config.nats, logger });
}

/**
 * Tells running servers that the log grew, from a process without a runtime (`cello apply`): with NATS they
 * read the log at once instead of on their next poll. Without NATS there is no one to tell and it does nothing.
 */
export async function announceCommit(
  config: Pick<AppConfig, 'nats'>,
  commit: { lastSeq: number; types: string[] },
  logger?: Logger,
): Promise<void> {
  if (!config.nats) return;
  const transport = await openTransport(config, logger);
  try {
    await publishCommitNotice(transport, commit);
  } finally {
    await transport.close();
  }
}

/** The composition root: config → store, transport → runtime → API. */
export async function createApp(
  config: AppConfig,
  options: {
    logger?: Logger;
    clock?: Clock;
    store?: Store;
    transport?: Transport;
    governance?: GovernanceOptions;
    workflows?: Partial<WorkflowEngineOptions>;
    insights?: InsightsOptions & Pick<InsightsDeps, 'experiments'>;
  } = {},
): Promise<App> {
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const clock = options.clock ?? systemClock;
  const store = options.store ?? (await openStore(config));
  let transport: Transport | undefined = options.transport;
  // A transport passed in belongs to the caller; one opened here is closed here.
  const closeTransport = async () => {
    if (!options.transport) await transport?.close();
  };
  try {
    // A store passed in (tests, several instances on one database) gets the modules' tables too.
    if (options.store) await store.migrate(MODULE_MIGRATIONS);
    transport ??= await openTransport(config, logger);
    if (config.orgDir) await applyOrgFolder(store, config.orgDir, clock, logger, transport);
    const runtime = await createRuntime({
      store,
      logger,
      clock,
      metrics: createMetrics({ defaultMetrics: true }),
      delivery: config.delivery,
      feedPollMs: config.feedPollMs,
      transport,
    });
    const governance = createGovernance(
      { runtime, lintRules: LINT_RULES_OF_MODULES },
      { proposalsDir: path.join(config.dataDir, 'proposals'), ...options.governance },
    );
    const workflows = createWorkflowEngine(runtime, options.workflows);
    // Insights raise SLO breaches through governance's detector API, and an accepted recommendation becomes the
    // accepting cell's own experiment (the modules never import each other; insights checked it is the owning cell).
    const { experiments, ...insightsOptions } = options.insights ?? {};
    const insights = createInsights(
      {
        runtime,
        tensions: { raiseDetected: (tension) => governance.raiseDetected(tension) },
        experiments: experiments ?? {
          startExperiment: async ({ acceptedBy, ...request }) => ({
            experiment: (
              await governance.startExperiment(
                { kind: 'system', component: 'insights' },
                { ...request, startedBy: acceptedBy },
              )
            ).id,
          }),
        },
      },
      insightsOptions,
    );
    // The created modules, in start order (as MODULES lists them), each with the routes it serves.
    const modules: { service: Service; routes?: (app: FastifyInstance) => Promise<void> }[] = [
      { service: runtime },
      { service: governance, routes: governanceRoutes(governance) },
      { service: workflows, routes: workflowRoutes(workflows) },
      { service: insights, routes: insightsRoutes(insights) },
    ];
    const api = await createApiServer({
      runtime,
      plugins: modules.flatMap((m) => (m.routes ? [m.routes] : [])),
      limits: config.limits,
      rateLimitPerMinute: config.rateLimitPerMinute,
      ...(config.adminTokenHash ? { adminTokenHash: config.adminTokenHash } : {}),
    });
    let started = false;
    return {
      config,
      store,
      transport,
      runtime,
      governance,
      workflows,
      insights,
      api,
      logger,
      async listen() {
        for (const { service } of modules) await service.start();
        started = true;
        await api.listen({ host: config.host, port: config.port });
        const address = api.server.address();
        const port = typeof address === 'object' && address ? address.port : config.port;
        return `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
      },
      async close() {
        await api.close();
        if (started) for (const { service } of modules.toReversed()) await service.stop();
        await closeTransport();
        await store.close();
      },
    };
  } catch (error) {
    await closeTransport();
    await store.close();
    throw error;
  }
}

/** `--org dir`: validate and apply at start-up, as `cello apply` would; refuse to start on error-level findings. */
async function applyOrgFolder(
  store: Store,
  dir: string,
  clock: Clock,
  logger: Logger,
  transport: Transport,
): Promise<void> {
  const { manifests, findings } = await validateFolder(dir, { now: clock.now(), rules: LINT_RULES_OF_MODULES });
  const errors = findings.filter((f: Finding) => f.severity === 'error');
  if (errors.length > 0) {
    throw new InputError(
      `The organization in ${dir} has ${errors.length} error(s); run \`cello validate ${dir}\` to see them. First: ${errors[0]!.file}:${errors[0]!.line}:${errors[0]!.column} ${errors[0]!.message}`,
      { field: 'org', findings: errors.length },
    );
  }
  const result = await applyManifests(store, manifests, { clock, actor: 'serve --org' });
  logger.info({ changes: result.plan.items.length, unchanged: result.plan.unchanged }, `applied ${dir}`);
  if (result.eventSeq === undefined) return;
  // Instances already running read the new organization now rather than on their next poll.
  await publishCommitNotice(transport, { lastSeq: result.eventSeq, types: [ManifestApplied] }).catch((error: unknown) =>
    logger.warn(
      { err: error },
      'announcing the applied organization failed; other instances see it on their next log poll',
    ),
  );
}
