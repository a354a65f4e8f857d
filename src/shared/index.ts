export * from './errors.js';
export * from './ids.js';
export * from './clock.js';
export * from './duration.js';
export * from './logger.js';
export * from './webhook-signature.js';
