export * from './isomorphic.js';
export * from './ids.js';
export * from './logger.js';
export * from './webhook-signature.js';
