import type { Anomaly } from '../../model/index.js';

export type { Anomaly } from '../../model/index.js';

/** Orders anomalies by how far out they are, then by name. */
export function rankAnomalies(anomalies: Anomaly[]): Anomaly[] {
  return anomalies.sort((a, b) => Math.abs(b.z) - Math.abs(a.z) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
