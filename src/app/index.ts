export { compileConfig, type AppConfig, type ConfigInput, type NatsConfig } from './config.js';
export { announceCommit, createApp, openTransport, type App } from './create-app.js';
export { openStore } from './open-store.js';
export { LINT_RULES_OF_MODULES, MODULE_MIGRATIONS, MODULES } from './modules.js';
