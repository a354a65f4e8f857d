/** The TypeScript SDK cells use: publish signals, and receive signed webhooks. */
export * from './cello-client.js';
export * from './cello-http-error.js';
export * from './receive-webhook.js';
export { verifyWebhook, type HeaderBag, type VerifyWebhookOptions, type WebhookHeaders } from '../shared/index.js';
export {
  AuthenticationError,
  ConflictError,
  InputError,
  LimitError,
  NotAllowedError,
  NotFoundError,
} from '../shared/index.js';
export type { CloudEvent, ExtensionValue } from '../model/index.js';
