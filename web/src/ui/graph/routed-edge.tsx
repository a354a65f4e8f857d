import { BaseEdge, EdgeText, type Edge, type EdgeProps } from '@xyflow/react';
import type { Point } from './layered-layout.js';
import { roundedPath } from './rounded-path.js';

export type RoutedEdgeData = {
  /** The route the layout found around the nodes (see routeAroundNodes). */
  points: Point[];
  /** Where the label's centre goes, when there is a label. */
  labelAt?: Point;
  /** Drawn as two parallel lines (a gap in the middle of a wide stroke) rather than one. */
  double?: boolean;
};
export type RoutedEdge = Edge<RoutedEdgeData, 'routed'>;

/** An edge drawn along its laid-out route, with its label where the layout kept room for it. */
export function RoutedEdgeView({
  id,
  data,
  style,
  markerEnd,
  label,
  labelStyle,
  labelBgStyle,
  labelBgPadding,
  labelBgBorderRadius,
}: EdgeProps<RoutedEdge>) {
  if (!data) return null;
  const path = roundedPath(data.points);
  return (
    <>
      <BaseEdge id={id} path={path} {...(style ? { style } : {})} {...(markerEnd ? { markerEnd } : {})} />
      {data.double && <path className="routed-edge-gap" d={path} />}
      {label !== undefined && data.labelAt && (
        <EdgeText
          x={data.labelAt.x}
          y={data.labelAt.y}
          label={label}
          {...(labelStyle ? { labelStyle } : {})}
          {...(labelBgStyle ? { labelBgStyle } : {})}
          {...(labelBgPadding ? { labelBgPadding } : {})}
          {...(labelBgBorderRadius !== undefined ? { labelBgBorderRadius } : {})}
        />
      )}
    </>
  );
}

/** The edge types a canvas needs to draw routed edges. */
export const ROUTED_EDGE_TYPES = { routed: RoutedEdgeView };
