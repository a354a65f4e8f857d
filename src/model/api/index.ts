/** The shapes the API returns, shared by the server modules that build them and the dashboard that reads them. */
export * from './tension-types.js';
export * from './decision-types.js';
export * from './outcome-input-schema.js';
export * from './review-types.js';
export * from './slo-types.js';
export * from './recommendation-types.js';
