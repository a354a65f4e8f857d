import type { SloMeasurement, SloState } from '../../model/index.js';

export { SLO_STATES, type SloState, type SloStatus } from '../../model/index.js';

/** The state of a measurement: enough counted requests and compliance below the objective is a breach. */
export function sloState(measurement: SloMeasurement, objective: number, minRequests: number): SloState {
  if (measurement.counted === 0) return measurement.pending > 0 ? 'insufficient-data' : 'no-data';
  if (measurement.counted < minRequests) return 'insufficient-data';
  return measurement.compliance! < objective ? 'breached' : 'met';
}
