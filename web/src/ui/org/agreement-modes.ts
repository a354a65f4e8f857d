import type { ManifestOf } from '../../../../src/model/index.js';

export type InteractionMode = ManifestOf<'Agreement'>['spec']['mode'];

/** How the map draws an interaction mode: the line's pattern, and the colour of its label. */
export interface ModeStyle {
  /** The label's ink and border. */
  colour: string;
  /** The label's background. */
  tint: string;
  strokeWidth: number;
  strokeDasharray: string | undefined;
  /** Two parallel lines: a wide stroke with a gap drawn along its middle. */
  double: boolean;
  /** The pattern in words, for the legend. */
  pattern: string;
}

/**
 * Team Topologies' three interaction modes, told apart by pattern (double, solid, dotted), by the colour of the
 * label and by the label's words, so none depends on seeing colour. The line's own colour is the SLO health.
 */
export const MODE_STYLES: Record<InteractionMode, ModeStyle> = {
  collaboration: {
    colour: '#6d28d9',
    tint: '#f3eefe',
    strokeWidth: 6,
    strokeDasharray: undefined,
    double: true,
    pattern: 'double line',
  },
  'x-as-a-service': {
    colour: '#1d4ed8',
    tint: '#e8effd',
    strokeWidth: 2.5,
    strokeDasharray: undefined,
    double: false,
    pattern: 'solid line',
  },
  facilitating: {
    colour: '#0f766e',
    tint: '#e3f4f1',
    strokeWidth: 3.5,
    strokeDasharray: '0.5 7',
    double: false,
    pattern: 'dotted line',
  },
};

/** The style of a mode, or the solid line for a mode this dashboard does not know. */
export function modeStyle(mode: string): ModeStyle {
  return MODE_STYLES[mode as InteractionMode] ?? MODE_STYLES['x-as-a-service'];
}
