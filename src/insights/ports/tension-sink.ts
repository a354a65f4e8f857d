import type { TensionEvidence } from '../../model/index.js';

export type { TensionEvidence } from '../../model/index.js';

/**
 * A gap insights detected, in the shape governance's detector API takes. `detector` + `subject` is the
 * deduplication key: governance keeps one tension per pair and counts a repeat as an occurrence.
 */
export interface DetectedTension {
  detector: string;
  subject: string;
  title: string;
  description?: string;
  /** A tension type of the organization (e.g. `interface`). */
  type: string;
  /** Involved cells, without `cell:`. */
  cells: string[];
  severity?: 'low' | 'medium' | 'high' | 'critical';
  /** When the gap was first seen (RFC 3339): governance measures the time it took to surface from it. */
  observedAt?: string;
  evidence?: TensionEvidence[];
}

/**
 * Where insights raise tensions without importing governance (modules never import each other): src/app wires
 * it to governance's `raiseDetected`. Insights call it only when a finding appears, not on every check.
 */
export interface TensionSink {
  raiseDetected(tension: DetectedTension): Promise<{ tension: { id: string }; action: string }>;
}
