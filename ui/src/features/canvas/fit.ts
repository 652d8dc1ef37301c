// Fitting the board to the window without making it unreadable: the stages side by side
// at a zoom where card text stays at least 12 px on screen — every stage when they fit,
// else as many whole stages as fit from the first, the rest a scroll away.
import type { ReactFlowInstance } from "@xyflow/react";
import { type CanvasNode, COLUMN_GAP, COLUMN_WIDTH, columnX } from "./layout";

/** The smallest card text, in CSS pixels (`.card-meta`, `.pill`, criteria). */
const SMALLEST_TEXT = 13;
/** Card text is never shown below 12 px on screen: readable projected. */
export const READABLE_ZOOM = 12 / SMALLEST_TEXT;
const MARGIN = 24;

/** The zoom that shows `stages` columns in a pane `width` wide, never below readable, and
 * how many whole stages are then in view from the first. */
export function readableFit(width: number, stages: number): { zoom: number; inView: number } {
  const board = columnX(stages) - COLUMN_GAP;
  const zoom = Math.min(1.25, Math.max(READABLE_ZOOM, (width - 2 * MARGIN) / board));
  let inView = 0;
  while (inView < stages && (columnX(inView) + COLUMN_WIDTH) * zoom + MARGIN <= width + 0.5)
    inView += 1;
  return { zoom, inView };
}

/** Fits the board (top left, the first stage in view) over `duration` ms; returns the
 * stages in view and the zoom it settles on. */
export function fitReadable(
  flow: ReactFlowInstance<CanvasNode>,
  stages: number,
  duration = 200,
): { inView: number; zoom: number } {
  const pane = document.querySelector(".react-flow");
  if (!pane) return { inView: stages, zoom: flow.getZoom() };
  const fit = readableFit(pane.clientWidth, stages);
  void flow.setViewport({ x: MARGIN, y: MARGIN, zoom: fit.zoom }, { duration });
  return fit;
}

/** The event the editor's F key sends for the canvas bar's Fit. */
export const FIT_EVENT = "milepost-fit";

/** Brings the first of the cards `ids` (node ids; a role's marks name every card of the
 * role) into view at the zoom in use, unless one of them is already in view: shown
 * changes are never all off-screen. */
export function bringIntoView(flow: ReactFlowInstance<CanvasNode>, ids: Iterable<string>) {
  const wanted = new Set(ids);
  const nodes = flow
    .getNodes()
    .filter((n) => wanted.has(n.id) || wanted.has(n.id.slice(0, n.id.indexOf("@"))));
  const pane = document.querySelector(".react-flow");
  if (nodes.length === 0 || !pane) return;
  const { x, y, zoom } = flow.getViewport();
  const size = (n: CanvasNode) => ({
    w: n.measured?.width ?? COLUMN_WIDTH,
    h: n.measured?.height ?? 80,
  });
  const inView = nodes.some((n) => {
    const { w, h } = size(n);
    const left = n.position.x * zoom + x;
    const top = n.position.y * zoom + y;
    return (
      left >= 0 &&
      top >= 0 &&
      left + w * zoom <= pane.clientWidth &&
      top + h * zoom <= pane.clientHeight
    );
  });
  if (inView) return;
  // Across to the first of them; up or down only if it is above or below the window.
  const first = nodes.reduce((a, b) => (b.position.x < a.position.x ? b : a));
  const { w, h } = size(first);
  const top = first.position.y * zoom + y;
  const fits = top >= 0 && top + h * zoom <= pane.clientHeight;
  void flow.setViewport(
    {
      x: pane.clientWidth / 2 - (first.position.x + w / 2) * zoom,
      y: fits ? y : pane.clientHeight / 2 - (first.position.y + h / 2) * zoom,
      zoom,
    },
    { duration: 300 },
  );
}
