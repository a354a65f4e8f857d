import type { Evidence } from '../governance/tension-view.js';

/** A recommendation as the insights API lists it. */
export interface Recommendation {
  id: string;
  title: string;
  summary?: string;
  cell?: string;
  kind?: string;
  state?: 'open' | 'accepted' | 'dismissed';
  expectedImpact?: string;
  confidence?: number;
  sampleSize?: number;
  evidence?: Evidence[];
}
