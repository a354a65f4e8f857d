export { compileConfig, type AppConfig, type ConfigInput } from './config.js';
export { createApp, type App } from './create-app.js';
export { openStore } from './open-store.js';
