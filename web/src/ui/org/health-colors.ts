import type { HealthStatus } from './org-graph.js';

/** Colours of SLO health, shared by the map, its legend and the cell page. */
export const HEALTH_COLORS: Record<HealthStatus | 'unknown', string> = {
  met: '#2f7d4f',
  'at-risk': '#b7791f',
  breached: '#c2413b',
  'no-data': '#8a8f98',
  unknown: '#6b7280',
};

export const HEALTH_LABELS: Record<HealthStatus | 'unknown', string> = {
  met: 'SLOs met',
  'at-risk': 'at risk',
  breached: 'SLO breached',
  'no-data': 'no data yet',
  unknown: 'health not measured',
};
