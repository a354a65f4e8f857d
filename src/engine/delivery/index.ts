export * from './backoff.js';
export { signWebhook } from '../../shared/index.js';
