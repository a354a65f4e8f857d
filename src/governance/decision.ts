/** The decision and experiment shapes live in src/model (the dashboard reads them too); governance's files import them from here. */
export type { Decision, Experiment } from '../model/index.js';
