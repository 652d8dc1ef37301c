// What each frame draws over the points: trails, the picked or dragged point, lines, words, axes.
import type { Corner } from "../../bindings/Corner";
import type { Matrix } from "../../bindings/Matrix";
import { SUPPORTS } from "../../bindings/vocabulary";
import { count } from "../../components/text";
import { css, quadrantRects, type ShownPoint } from "./plotArea";
import { CORNERS, quadrantName } from "./quadrants";
import { type Plot, toScreen } from "./scatter";

/** The app's own font (the one the page loads, `--font`): canvas text matches the rest. */
const FONT = '"Inter Variable", Inter, system-ui, sans-serif';

/** A point being dragged, and where the pointer has it (axis values). */
export type Drag = { id: string; x: number; y: number } | null;

export interface Overlay {
  m: Matrix;
  plot: Plot;
  frame: Plot;
  points: readonly ShownPoint[];
  /** Where each point is drawn. */
  px: Float32Array;
  py: Float32Array;
  counts: Record<Corner, number>;
  selected: string | null;
  drag: Drag;
}

interface Ink {
  ink: string;
  muted: string;
  line: string;
  surface: string;
}

/** Draws the overlay on `g`, already scaled to CSS pixels. */
export function drawOverlay(g: CanvasRenderingContext2D, o: Overlay) {
  const colours: Ink = {
    ink: css("--ink"),
    muted: css("--muted"),
    line: css("--line"),
    surface: css("--surface"),
  };
  drawTrails(g, o, colours);
  drawPicked(g, o, colours);
  drawLines(g, o, colours);
  drawQuadrantWords(g, o, colours);
  drawAxes(g, o, colours);
}

/** Trails from the compare date. */
function drawTrails(g: CanvasRenderingContext2D, { m, plot, points, px, py }: Overlay, c: Ink) {
  g.strokeStyle = c.muted;
  g.lineWidth = 1.25;
  points.forEach((p, i) => {
    if (!p.was) return;
    const [ox, oy] = toScreen(m, plot, p.was.x, p.was.y);
    g.beginPath();
    g.moveTo(ox, oy);
    g.lineTo(px[i] ?? ox, py[i] ?? oy);
    g.stroke();
    g.beginPath();
    g.arc(ox, oy, 3, 0, Math.PI * 2);
    g.stroke();
  });
}

/** The selected point ringed; a dragged one drawn where the pointer has it. */
function drawPicked(g: CanvasRenderingContext2D, o: Overlay, c: Ink) {
  const { m, plot, points, px, py, drag } = o;
  const sel = points.findIndex((p) => p.id === (drag?.id ?? o.selected));
  const sp = points[sel];
  if (!sp) return;
  const [cx, cy] = drag ? toScreen(m, plot, drag.x, drag.y) : [px[sel] ?? 0, py[sel] ?? 0];
  const r = Math.max(sp.r, 5);
  if (drag) {
    g.fillStyle = c.ink;
    g.beginPath();
    g.arc(cx, cy, r, 0, Math.PI * 2);
    g.fill();
  }
  g.strokeStyle = c.ink;
  g.lineWidth = 2.5;
  g.beginPath();
  g.arc(cx, cy, r + 4, 0, Math.PI * 2);
  g.stroke();
}

/** Threshold lines and the frame. */
function drawLines(g: CanvasRenderingContext2D, { m, plot, frame }: Overlay, c: Ink) {
  const [tx, ty] = toScreen(m, plot, m.x.threshold, m.y.threshold);
  g.strokeStyle = c.ink;
  g.lineWidth = 1.5;
  g.setLineDash([6, 5]);
  g.beginPath();
  g.moveTo(tx, frame.top);
  g.lineTo(tx, frame.top + frame.height);
  g.moveTo(frame.left, ty);
  g.lineTo(frame.left + frame.width, ty);
  g.stroke();
  g.setLineDash([]);
  g.strokeStyle = c.line;
  g.strokeRect(frame.left, frame.top, frame.width, frame.height);
}

/** Quadrant names, support levels and counts, in each quadrant's outer corner, large
 * enough to read from the back of a room. */
function drawQuadrantWords(g: CanvasRenderingContext2D, o: Overlay, c: Ink) {
  const { m, plot, frame, counts } = o;
  const [tx, ty] = toScreen(m, plot, m.x.threshold, m.y.threshold);
  const rect = quadrantRects(frame, tx, ty);
  for (const corner of CORNERS) {
    const [x, y, w, h] = rect[corner];
    if (w < 60 || h < 50) continue;
    const leftSide = corner.endsWith("left");
    const topSide = corner.startsWith("top");
    const q = m.quadrants.find((x) => x.corner === corner);
    const support = SUPPORTS.find((s) => s.value === q?.support)?.label;
    const name = (corner === m.best ? "★ " : "") + quadrantName(m, corner);
    const lines: [string, string, string, number][] = [
      [name, `600 20px ${FONT}`, c.ink, 30],
      [count(counts[corner]), `700 26px ${FONT}`, c.ink, 22],
    ];
    if (support) lines.push([support, `500 15px ${FONT}`, c.muted, 0]);
    // A card behind the words, so the points under them never make them hard to read.
    let width = 0;
    for (const [text, font] of lines) {
      g.font = font;
      width = Math.max(width, Math.min(w - 28, g.measureText(text).width));
    }
    const height = support ? 78 : 56;
    const ax = leftSide ? x + 14 : x + w - 14;
    const top = topSide ? y + 8 : y + h - height - 8;
    g.fillStyle = c.surface;
    g.globalAlpha = 0.82;
    g.beginPath();
    g.roundRect(leftSide ? ax - 8 : ax - width - 8, top, width + 16, height, 8);
    g.fill();
    g.globalAlpha = 1;
    g.textAlign = leftSide ? "left" : "right";
    let ay = top + 22;
    for (const [text, font, colour, advance] of lines) {
      g.font = font;
      g.fillStyle = colour;
      g.fillText(text, ax, ay, w - 28);
      ay += advance;
    }
  }
}

/** Axes: the range's ends and the threshold, and the labels with their better end. */
function drawAxes(g: CanvasRenderingContext2D, { m, plot, frame }: Overlay, c: Ink) {
  const bottom = frame.top + frame.height;
  g.fillStyle = c.muted;
  g.font = `500 13px ${FONT}`;
  g.textAlign = "center";
  for (const v of [m.x.min, m.x.threshold, m.x.max]) {
    g.fillText(String(v), toScreen(m, plot, v, m.y.min)[0], bottom + 18);
  }
  g.textAlign = "right";
  for (const v of [m.y.min, m.y.threshold, m.y.max]) {
    g.fillText(String(v), frame.left - 8, toScreen(m, plot, m.x.min, v)[1] + 4);
  }
  g.fillStyle = c.ink;
  g.font = `600 15px ${FONT}`;
  g.textAlign = "center";
  g.fillText(`${m.x.label} →`, plot.left + plot.width / 2, bottom + 42);
  g.save();
  g.translate(18, plot.top + plot.height / 2);
  g.rotate(-Math.PI / 2);
  g.fillText(`${m.y.label} →`, 0, 0);
  g.restore();
}
