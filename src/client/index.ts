/** The TypeScript SDK cells use: publish signals, receive signed webhooks, and call any route of the API. */
export * from './isomorphic.js';
export * from './cello-client.js';
export * from './receive-webhook.js';
export { verifyWebhook, type HeaderBag, type VerifyWebhookOptions, type WebhookHeaders } from '../shared/index.js';
export type { CloudEvent, ExtensionValue } from '../model/index.js';
