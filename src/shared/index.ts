export * from './isomorphic.js';
export * from './secrets.js';
export * from './logger.js';
export * from './webhook-signature.js';
