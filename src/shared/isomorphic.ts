/**
 * The part of shared a browser may load: errors, the error-code table, clocks, durations and ids, and nothing that needs
 * node: modules. The model and the typed HTTP client import shared through here, so the dashboard can load them.
 */
export * from './errors.js';
export * from './error-codes.js';
export * from './clock.js';
export * from './duration.js';
export * from './ids.js';
