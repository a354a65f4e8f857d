import {
  Background,
  Controls,
  ReactFlow,
  type Edge,
  type Node,
  type NodeTypes,
  type ReactFlowProps,
} from '@xyflow/react';

/** A React Flow canvas people look at but do not edit: no dragging, connecting or selecting; fitted to the view. */
export function ReadOnlyFlow({
  nodes,
  edges,
  nodeTypes,
  ...rest
}: { nodes: Node[]; edges: Edge[]; nodeTypes: NodeTypes } & Omit<ReactFlowProps, 'nodes' | 'edges' | 'nodeTypes'>) {
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      nodesDraggable={false}
      nodesConnectable={false}
      nodesFocusable={false}
      edgesFocusable={false}
      elementsSelectable={false}
      onlyRenderVisibleElements
      fitView
      minZoom={0.05}
      {...rest}
    >
      <Background gap={24} color="#e4e0d6" />
      <Controls showInteractive={false} />
    </ReactFlow>
  );
}
