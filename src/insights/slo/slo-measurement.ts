/** A request or response of an SLO, reduced to what pairing needs. */
export interface SloSignal {
  seq: number;
  timeMs: number;
  /** The correlation key: the subject, or the value of the named extension. */
  key: string;
}

export type { SloMeasurement } from '../../model/index.js';
