import {
  Background,
  BackgroundVariant,
  type Connection,
  type Edge,
  type NodeChange,
  ReactFlow,
  type ReactFlowInstance,
  ReactFlowProvider,
  useReactFlow,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Journey } from "../../bindings/Journey";
import type { JourneyWords } from "../../bindings/JourneyWords";
import type { LiveNumbers } from "../../bindings/LiveNumbers";
import {
  connect,
  moveActivity,
  moveMetric,
  moveMilestone,
  moveRole,
  moveStage,
  updateNote,
} from "../editor/ops";
import type { CardTally } from "../voting/rules";
import { VoteScale } from "../voting/VoteDots";
import { CanvasBar } from "./CanvasBar";
import { edgeTypes } from "./edges";
import { fitReadable } from "./fit";
import { roleCardOf } from "./ids";
import { type CanvasActions, JourneyContext } from "./JourneyContext";
import {
  type CanvasNode,
  COLUMN_WIDTH,
  columnAt,
  columnX,
  dropTarget,
  keepUnchanged,
  LANE_LABEL_WIDTH,
  type LaneKey,
  layoutJourney,
  type MeasuredHeights,
} from "./layout";
import { fontLines } from "./measure";
import { nodeTypes } from "./nodes";

// Card text is measured with the page's fonts; one counter (and its cache) for the app.
const lines = fontLines();

const LANE_OF: Partial<Record<string, LaneKey>> = {
  milestone: "milestones",
  activity: "playbook",
  metric: "metrics",
};

/** The top of the board the presenter leaves above the stage. */
const PRESENTER_TOP = 32;

/** Presenting stage `k`: large, centred, and short enough that the stage and its
 * milestones' live counts (down to `bottom`, in board units) fit the pane's `height`; the
 * lane names either whole or out of view, never cut at the edge. */
function presenterView(
  width: number,
  height: number,
  k: number,
  bottom: number,
): { x: number; zoom: number } {
  const byHeight = bottom > 0 ? (height - PRESENTER_TOP - 16) / bottom : 2;
  const zoom = Math.max(0.8, Math.min(2, (width * 0.42) / COLUMN_WIDTH, byHeight));
  const centre = columnX(k) + COLUMN_WIDTH / 2;
  let x = width / 2 - centre * zoom;
  const labels = LANE_LABEL_WIDTH * zoom;
  if (x < 0 && x + labels > 0) {
    // Show them whole if the stage still fits beside them, else move them off screen.
    const stageRight = (columnX(k) + COLUMN_WIDTH) * zoom;
    x = stageRight <= width ? 0 : -labels;
  }
  return { x, zoom };
}

export interface CanvasProps {
  journey: Journey;
  /** Null: read-only (presenting). */
  edit: ((change: (j: Journey) => Journey, label: string) => void) | null;
  actions: CanvasActions | null;
  flagged: ReadonlySet<string>;
  /** Live numbers per milestone and stage, when the workspace has customer data. */
  live?: LiveNumbers | null;
  /** Selected node and edge ids. */
  selected: ReadonlySet<string>;
  onSelectionChange: (selected: Set<string>) => void;
  onReady?: (flow: ReactFlowInstance<CanvasNode>) => void;
  /** Presenting: the stage (column index) to show large, centred. */
  focusStage?: number | null;
  colorMode?: "light" | "dark";
  /** Dots on the cards, by node id (a voting round). */
  votes?: ReadonlyMap<string, CardTally> | null;
  /** The core's words for the cards (`useJourneyWords`). */
  words?: JourneyWords | null;
  /** Voting: a click on a card places a dot instead of selecting it. */
  onCardClick?: ((nodeId: string, e: React.MouseEvent) => void) | null;
  /** Cards to mark (node id → a class: `mark-added`, `mark-voted`…); the rest step back
   * when `dimUnmarked`. */
  marks?: ReadonlyMap<string, string> | null;
  dimUnmarked?: boolean;
}

function idOf(nodeId: string): string {
  return nodeId.slice(nodeId.indexOf(":") + 1);
}

function Canvas({
  journey,
  edit,
  actions,
  flagged,
  live = null,
  selected,
  onSelectionChange,
  onReady,
  focusStage = null,
  colorMode = "light",
  votes = null,
  words = null,
  onCardClick = null,
  marks = null,
  dimUnmarked = false,
}: CanvasProps) {
  const [measured, setMeasured] = useState<MeasuredHeights>({});
  const [dragging, setDragging] = useState<Record<string, { x: number; y: number }>>({});
  const editable = edit !== null;
  const laidOut = useRef<CanvasNode[]>([]);
  const layout = useMemo(() => {
    const next = layoutJourney(journey, { measured, editable, flagged, lines, live });
    laidOut.current = keepUnchanged(laidOut.current, next.nodes);
    return { ...next, nodes: laidOut.current };
  }, [journey, measured, editable, flagged, live]);
  const nodes = useMemo(
    () =>
      layout.nodes.map((n) => {
        const moved = dragging[n.id];
        const isSelected = selected.has(n.id);
        // Presenting: the stage in focus stands out; the others step back.
        const scenery = n.type === "band" || n.type === "lane";
        // A role has a card per stage team; a mark on the role marks them all.
        const role = n.type === "role" ? roleCardOf(n.id) : null;
        const mark = marks?.get(n.id) ?? (role ? marks?.get(`role:${role.role}`) : undefined);
        const dimmed =
          !scenery &&
          ((focusStage !== null &&
            columnAt(n.position.x + COLUMN_WIDTH / 2, journey.stages.length) !== focusStage) ||
            (dimUnmarked && mark === undefined));
        const className = [dimmed ? "node-dimmed" : "", mark ?? ""].join(" ").trim();
        // Voting: a click places a dot; a card's own `selectable` would still select it.
        const voting = onCardClick !== null && n.selectable === true;
        if (!moved && !isSelected && !className && !voting) return n;
        return {
          ...n,
          ...(moved ? { position: moved } : {}),
          ...(className ? { className } : {}),
          ...(voting ? { selectable: false } : {}),
          selected: isSelected,
        };
      }),
    [
      layout,
      dragging,
      selected,
      focusStage,
      journey.stages.length,
      marks,
      dimUnmarked,
      onCardClick,
    ],
  );
  // Connections are hidden while cards move: redrawing a long edge every frame repaints
  // every card beneath it, which made drags stutter on big boards. They return on drop.
  const isDragging = Object.keys(dragging).length > 0;
  const edges = useMemo(
    () =>
      isDragging
        ? []
        : layout.edges.map((e) => (selected.has(e.id) ? { ...e, selected: true } : e)),
    [layout, selected, isDragging],
  );
  const flow = useReactFlow<CanvasNode>();
  const placed = useRef(false);
  const selectedRef = useRef(selected);
  selectedRef.current = selected;

  // Cards wrap long names, so their real height is known only once rendered: React Flow
  // reports measured sizes as changes, and the layout runs again with them (widths are
  // fixed, so one extra pass settles it). Drags and selection arrive the same way.
  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
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
      const moves = changes.filter((c) => c.type === "position" && c.position && c.dragging);
      if (moves.length > 0)
        setDragging((prev) => {
          const next = { ...prev };
          for (const c of moves) if (c.type === "position" && c.position) next[c.id] = c.position;
          return next;
        });
      const picks = changes.filter((c) => c.type === "select");
      if (picks.length > 0) {
        const next = new Set(selectedRef.current);
        for (const c of picks) {
          if (c.type !== "select") continue;
          if (c.selected) next.add(c.id);
          else next.delete(c.id);
        }
        onSelectionChange(next);
      }
    },
    [onSelectionChange],
  );

  const onNodeDragStop = useCallback(
    (_: unknown, node: CanvasNode, moved: CanvasNode[]) => {
      setDragging({});
      if (!edit) return;
      const dropped = moved.length > 0 ? moved : [node];
      for (const n of dropped) {
        const id = idOf(n.id);
        if (n.type === "stage") {
          const col = columnAt(n.position.x + COLUMN_WIDTH / 2, journey.stages.length);
          edit((j) => moveStage(j, id, col), "move");
        } else if (n.type === "note") {
          edit(
            (j) => updateNote(j, id, { x: Math.round(n.position.x), y: Math.round(n.position.y) }),
            "move",
          );
        } else if (n.type === "role") {
          const card = roleCardOf(n.id);
          const height = n.measured?.height ?? 70;
          const target = dropTarget(layout, "roles", n.id, n.position.x, n.position.y, height);
          if (!card || !target) continue;
          edit((j) => moveRole(j, card.role, card.stage, target.stageId, target.index), "move");
        } else {
          const lane = LANE_OF[n.type ?? ""];
          if (!lane) continue;
          const height = n.measured?.height ?? 80;
          const target = dropTarget(layout, lane, n.id, n.position.x, n.position.y, height);
          if (!target) continue;
          const { stageId, index } = target;
          if (n.type === "milestone") edit((j) => moveMilestone(j, id, stageId, index), "move");
          else if (n.type === "activity") edit((j) => moveActivity(j, id, stageId, index), "move");
          else edit((j) => moveMetric(j, id, stageId, index), "move");
        }
      }
    },
    [edit, journey.stages.length, layout],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      if (!edit) return;
      const [from, to] = c.source.startsWith("activity:")
        ? [c.source, c.target]
        : [c.target, c.source];
      if (!from.startsWith("activity:") || !to.startsWith("milestone:")) return;
      edit((j) => connect(j, idOf(from), idOf(to)), "connect");
    },
    [edit],
  );

  const isValidConnection = useCallback((c: Connection | Edge) => {
    const ends = [c.source, c.target];
    return (
      ends.some((e) => e.startsWith("activity:")) && ends.some((e) => e.startsWith("milestone:"))
    );
  }, []);

  const onEdgeClick = useCallback(
    (e: React.MouseEvent, edge: Edge) => {
      const next = e.shiftKey ? new Set(selectedRef.current) : new Set<string>();
      next.add(edge.id);
      onSelectionChange(next);
    },
    [onSelectionChange],
  );

  useEffect(() => {
    onReady?.(flow);
  }, [flow, onReady]);

  // Stable across drag frames: a new context value would re-render every card each frame.
  const context = useMemo(
    () => ({ journey, actions, votes, words }),
    [journey, actions, votes, words],
  );
  const onNodeClick = useCallback(
    (e: React.MouseEvent, node: CanvasNode) => onCardClick?.(node.id, e),
    [onCardClick],
  );
  const clearSelection = useCallback(() => onSelectionChange(new Set()), [onSelectionChange]);

  // The opening view depends only on the board's width (fixed columns), so it is set on
  // the first render; React Flow's own effects (its pan/zoom) have run by then.
  useEffect(() => {
    if (placed.current || focusStage !== null) return;
    placed.current = true;
    // The opening view is Fit's: every stage across the width when that is readable,
    // otherwise the first stages at a readable size and the rest a scroll away.
    fitReadable(flow, journey.stages.length, 0);
  }, [flow, journey.stages.length, focusStage]);

  // Presenting: one stage at a time, large enough to read from the back of the room.
  useEffect(() => {
    if (focusStage === null) return;
    const pane = document.querySelector(".react-flow");
    if (!pane) return;
    // The lowest milestone card of the stage in focus, counts included (as measured).
    const bottom = flow
      .getNodes()
      .filter(
        (n) =>
          (n.type === "milestone" || n.type === "stage") &&
          columnAt(n.position.x + COLUMN_WIDTH / 2, journey.stages.length) === focusStage,
      )
      .reduce((most, n) => Math.max(most, n.position.y + (n.measured?.height ?? 160)), 0);
    const { x, zoom } = presenterView(pane.clientWidth, pane.clientHeight, focusStage, bottom);
    void flow.setViewport({ x, y: PRESENTER_TOP, zoom }, { duration: 350 });
  }, [focusStage, flow, journey.stages.length]);

  return (
    <JourneyContext.Provider value={context}>
      <ReactFlow<CanvasNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        onEdgeClick={onEdgeClick}
        onNodeClick={onCardClick ? onNodeClick : undefined}
        onPaneClick={clearSelection}
        nodesDraggable={editable && !onCardClick}
        nodesConnectable={editable && !onCardClick}
        elementsSelectable={!onCardClick}
        deleteKeyCode={null}
        multiSelectionKeyCode="Shift"
        selectionKeyCode="Shift"
        minZoom={0.12}
        maxZoom={2}
        proOptions={{ hideAttribution: true }}
        colorMode={colorMode}
        data-testid="journey-canvas"
      >
        <Background variant={BackgroundVariant.Dots} gap={24} size={1.2} />
        <VoteScale />
      </ReactFlow>
      {focusStage === null && (
        <CanvasBar
          showHealth={journey.stages.some((st) => st.health != null)}
          stages={journey.stages.length}
        />
      )}
    </JourneyContext.Provider>
  );
}

export function JourneyCanvas(props: CanvasProps) {
  return (
    <ReactFlowProvider>
      <Canvas {...props} />
    </ReactFlowProvider>
  );
}
