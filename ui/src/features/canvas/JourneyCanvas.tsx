import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  type NodeChange,
  ReactFlow,
  type ReactFlowInstance,
  ReactFlowProvider,
  useReactFlow,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Journey } from "../../bindings/Journey";
import { JourneyContext } from "./JourneyContext";
import { type CanvasNode, layoutJourney, type MeasuredHeights } from "./layout";
import { nodeTypes } from "./nodes";

const MINIMAP_COLORS: Partial<Record<string, string>> = {
  milestone: "#0f766e",
  activity: "#4338ca",
  role: "#b45309",
  metric: "#be123c",
  stage: "#1f3a5f",
};

/** The opening view: every stage across the width, top aligned; lower lanes are a scroll
 * away. Fitting the whole board instead would make the text too small to read projected. */
function showAllStages(flow: ReactFlowInstance<CanvasNode>, boardWidth: number) {
  const pane = document.querySelector(".react-flow");
  if (!pane) return;
  const margin = 24;
  const zoom = Math.min(1.25, (pane.clientWidth - 2 * margin) / boardWidth);
  void flow.setViewport({ x: margin, y: margin, zoom }, { duration: 0 });
}

function Canvas({ journey }: { journey: Journey }) {
  const [measured, setMeasured] = useState<MeasuredHeights>({});
  const layout = useMemo(() => layoutJourney(journey, measured), [journey, measured]);
  const flow = useReactFlow<CanvasNode>();
  const placed = useRef(false);

  // Cards wrap long names, so their real height is known only once rendered: React Flow
  // reports measured sizes as changes, and the layout runs again with them (widths are
  // fixed, so one extra pass settles it).
  const onNodesChange = useCallback((changes: NodeChange<CanvasNode>[]) => {
    setMeasured((prev) => {
      let next: MeasuredHeights | null = null;
      for (const c of changes) {
        if (c.type !== "dimensions" || !c.dimensions) continue;
        if (c.id.startsWith("band:") || c.id.startsWith("lane:")) continue;
        if (Math.abs((prev[c.id] ?? -1) - c.dimensions.height) <= 1) continue;
        next ??= { ...prev };
        next[c.id] = c.dimensions.height;
      }
      return next ?? prev;
    });
  }, []);

  useEffect(() => {
    if (placed.current || Object.keys(measured).length === 0) return;
    placed.current = true;
    showAllStages(flow, layout.width);
  }, [measured, flow, layout.width]);

  return (
    <JourneyContext.Provider value={journey}>
      <ReactFlow<CanvasNode>
        nodes={layout.nodes}
        edges={layout.edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable
        minZoom={0.12}
        maxZoom={2}
        proOptions={{ hideAttribution: true }}
        data-testid="journey-canvas"
      >
        <Background variant={BackgroundVariant.Dots} gap={24} size={1.2} />
        <MiniMap
          pannable
          zoomable
          nodeColor={(n) => MINIMAP_COLORS[n.type ?? ""] ?? "transparent"}
          nodeStrokeWidth={0}
          maskColor="rgba(15, 23, 42, 0.08)"
        />
        <Controls showInteractive={false} />
      </ReactFlow>
    </JourneyContext.Provider>
  );
}

export function JourneyCanvas({ journey }: { journey: Journey }) {
  return (
    <ReactFlowProvider>
      <Canvas journey={journey} />
    </ReactFlowProvider>
  );
}
