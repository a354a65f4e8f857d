export * from './backoff.js';
export { postWebhook, type WebhookOutcome, type WebhookPost } from './post-webhook.js';
