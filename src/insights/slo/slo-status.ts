import type { SloMeasurement } from './measure-slo.js';

export const SLO_STATES = ['met', 'breached', 'insufficient-data', 'no-data'] as const;
/** `breached`: compliance below the objective over enough requests; `insufficient-data`: too few to judge. */
export type SloState = (typeof SLO_STATES)[number];

/** One SLO of one agreement, measured over its window from the live log. */
export interface SloStatus extends SloMeasurement {
  agreement: string;
  provider: string;
  consumer: string;
  mode: string;
  slo: string;
  objective: number;
  request: string;
  response: string;
  within: string;
  window: string;
  /** `subject`, or the extension that correlates a response with its request. */
  correlateBy: string;
  windowStart: string;
  windowEnd: string;
  /** Requests or responses without a correlation key (ignored). */
  uncorrelated: number;
  state: SloState;
  /** The tension a breach raised, when one was raised in this process. */
  tension?: string;
}

/** The state of a measurement: enough counted requests and compliance below the objective is a breach. */
export function sloState(measurement: SloMeasurement, objective: number, minRequests: number): SloState {
  if (measurement.counted === 0) return measurement.pending > 0 ? 'insufficient-data' : 'no-data';
  if (measurement.counted < minRequests) return 'insufficient-data';
  return measurement.compliance! < objective ? 'breached' : 'met';
}
