export * from './ref.js';
export * from './manifests/index.js';
export * from './cloud-event.js';
