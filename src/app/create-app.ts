import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createApiServer, governanceRoutes, workflowRoutes } from '../api/index.js';
import { createMetrics, createRuntime, createWorkflowEngine, type Runtime, type WorkflowEngine, type WorkflowEngineOptions } from '../engine/index.js';
import { createGovernance, type Governance, type GovernanceOptions } from '../governance/index.js';
import { applyManifests, validateFolder, type Finding } from '../manifests/index.js';
import { InputError, createLogger, systemClock, type Clock, type Logger } from '../shared/index.js';
import type { Store } from '../store/index.js';
import type { AppConfig } from './config.js';
import { openStore } from './open-store.js';

export interface App {
  config: AppConfig;
  store: Store;
  runtime: Runtime;
  governance: Governance;
  workflows: WorkflowEngine;
  api: FastifyInstance;
  logger: Logger;
  /** Starts the runtime and listens; resolves with the base URL. */
  listen(): Promise<string>;
  /** Stops taking requests, finishes deliveries in flight, closes the store. */
  close(): Promise<void>;
}

/** The composition root: config → store → runtime → API. */
export async function createApp(config: AppConfig, options: { logger?: Logger; clock?: Clock; store?: Store; governance?: GovernanceOptions; workflows?: Partial<WorkflowEngineOptions> } = {}): Promise<App> {
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const clock = options.clock ?? systemClock;
  const store = options.store ?? (await openStore(config));
  try {
    if (config.orgDir) await applyOrgFolder(store, config.orgDir, clock, logger);
    const runtime = await createRuntime({
      store,
      logger,
      clock,
      metrics: createMetrics({ defaultMetrics: true }),
      delivery: config.delivery,
      feedPollMs: config.feedPollMs,
    });
    const governance = createGovernance({ runtime }, { proposalsDir: path.join(config.dataDir, 'proposals'), ...options.governance });
    const workflows = createWorkflowEngine(runtime, options.workflows);
    const api = await createApiServer({
      runtime,
      plugins: [governanceRoutes(governance), workflowRoutes(workflows)],
      limits: config.limits,
      ...(config.adminTokenHash ? { adminTokenHash: config.adminTokenHash } : {}),
    });
    let started = false;
    return {
      config,
      store,
      runtime,
      governance,
      workflows,
      api,
      logger,
      async listen() {
        await runtime.start();
        await governance.start();
        await workflows.start();
        started = true;
        await api.listen({ host: config.host, port: config.port });
        const address = api.server.address();
        const port = typeof address === 'object' && address ? address.port : config.port;
        return `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
      },
      async close() {
        await api.close();
        if (started) await workflows.stop();
        if (started) await governance.stop();
        if (started) await runtime.stop();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** `--org dir`: validate and apply at start-up, as `cello apply` would; refuse to start on error-level findings. */
async function applyOrgFolder(store: Store, dir: string, clock: Clock, logger: Logger): Promise<void> {
  const { manifests, findings } = await validateFolder(dir, { now: clock.now() });
  const errors = findings.filter((f: Finding) => f.severity === 'error');
  if (errors.length > 0) {
    throw new InputError(
      `The organization in ${dir} has ${errors.length} error(s); run \`cello validate ${dir}\` to see them. First: ${errors[0]!.file}:${errors[0]!.line}:${errors[0]!.column} ${errors[0]!.message}`,
      { field: 'org', findings: errors.length },
    );
  }
  const result = await applyManifests(store, manifests, { clock, actor: 'serve --org' });
  logger.info({ changes: result.plan.items.length, unchanged: result.plan.unchanged }, `applied ${dir}`);
}
