import {
  Background,
  Controls,
  ReactFlow,
  useReactFlow,
  useStore,
  type Edge,
  type EdgeTypes,
  type Node,
  type NodeTypes,
  type ReactFlowProps,
} from '@xyflow/react';
import { useEffect } from 'react';
import { readableViewport, type FitRequest } from '../graph/readable-viewport.js';

/**
 * A React Flow canvas people look at but do not edit: no dragging, connecting or selecting. It shows `fit`
 * at a readable zoom, and again each time `fit` changes (a new layout, a filter) or the canvas resizes.
 */
export function ReadOnlyFlow({
  nodes,
  edges,
  nodeTypes,
  edgeTypes,
  fit,
  ...rest
}: {
  nodes: Node[];
  edges: Edge[];
  nodeTypes: NodeTypes;
  edgeTypes?: EdgeTypes;
  fit: FitRequest;
} & Omit<ReactFlowProps, 'nodes' | 'edges' | 'nodeTypes' | 'edgeTypes'>) {
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      {...(edgeTypes ? { edgeTypes } : {})}
      nodesDraggable={false}
      nodesConnectable={false}
      nodesFocusable={false}
      edgesFocusable={false}
      elementsSelectable={false}
      onlyRenderVisibleElements
      minZoom={0.05}
      {...rest}
    >
      <Background gap={24} color="#e4e0d6" />
      <Controls showInteractive={false} />
      <FitTo request={fit} />
    </ReactFlow>
  );
}

function FitTo({ request }: { request: FitRequest }) {
  const { setViewport } = useReactFlow();
  const width = useStore((state) => state.width);
  const height = useStore((state) => state.height);
  useEffect(() => {
    if (width > 0 && height > 0) void setViewport(readableViewport(request, { width, height }));
  }, [request, width, height, setViewport]);
  return null;
}
