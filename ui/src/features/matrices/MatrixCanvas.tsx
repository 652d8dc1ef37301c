// One matrix drawn on a canvas (not one DOM node per point, so 60,000 stakeholders stay
// smooth): quadrant backgrounds with their names and counts, the threshold lines, the best
// corner marked, points sized by ARR or stakeholders, trails from an earlier date, and a
// point dragged to re-score it.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Corner } from "../../bindings/Corner";
import type { Matrix } from "../../bindings/Matrix";
import { SUPPORTS } from "../../bindings/vocabulary";
import { count } from "../../components/text";
import { CORNERS, quadrantName } from "./quadrants";
import {
  fromScreen,
  nearest,
  type Plot,
  positionKey,
  sharing,
  spread,
  spreadRadius,
  toScreen,
} from "./scatter";

export interface ShownPoint {
  id: string;
  x: number;
  y: number;
  corner: Corner;
  /** Radius in pixels. */
  r: number;
  /** Where it was on the compare date, when it moved. */
  was?: { x: number; y: number };
}

interface Props {
  matrix: Matrix;
  points: ShownPoint[];
  counts: Record<Corner, number>;
  selected: string | null;
  /** Whether points can be dragged to re-score (stakeholder level, score axes). */
  draggable: boolean;
  onHover: (index: number | null, at: { x: number; y: number } | null) => void;
  onSelect: (id: string | null) => void;
  onMove: (id: string, x: number, y: number) => void;
}

/** Above this many points, each is a small square: the picture becomes a density. */
const DENSE = 4000;
const MARGIN = { left: 64, right: 20, top: 16, bottom: 52 };
/** Room inside the frame around the axis range, so a crowd at a score of 1 or 10 stays
 * inside the plot. */
const PAD = 26;

/** The four quadrants' rectangles in a frame split at the thresholds (tx, ty). */
function quadrantRects(
  f: Plot,
  tx: number,
  ty: number,
): Record<Corner, [number, number, number, number]> {
  const right = f.left + f.width;
  const bottom = f.top + f.height;
  return {
    top_left: [f.left, f.top, tx - f.left, ty - f.top],
    top_right: [tx, f.top, right - tx, ty - f.top],
    bottom_left: [f.left, ty, tx - f.left, bottom - ty],
    bottom_right: [tx, ty, right - tx, bottom - ty],
  };
}

function css(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || "#888";
}

/** A CSS colour as [r, g, b] (for the pixel buffer). */
function rgb(colour: string): [number, number, number] {
  const probe = document.createElement("canvas").getContext("2d");
  if (!probe) return [80, 80, 80];
  probe.fillStyle = colour;
  const hex = probe.fillStyle;
  const n = Number.parseInt(hex.startsWith("#") ? hex.slice(1) : "505050", 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * Tens of thousands of points as a density: each point a 2×2-pixel dot written straight
 * into a pixel buffer, denser where more fall (each adds opacity), coloured by its
 * quadrant — a few milliseconds where as many fillRect calls take tens.
 */
function drawDense(
  g: CanvasRenderingContext2D,
  points: readonly ShownPoint[],
  px: Float32Array,
  py: Float32Array,
  w: number,
  h: number,
  dpr: number,
  colour: (c: Corner) => string,
) {
  const W = Math.round(w * dpr);
  const H = Math.round(h * dpr);
  const alpha = new Float32Array(W * H);
  const hue = new Uint8Array(W * H);
  const dot = Math.max(3, Math.round(3 * dpr));
  for (let i = 0; i < points.length; i++) {
    const x0 = Math.round((px[i] ?? 0) * dpr) - 1;
    const y0 = Math.round((py[i] ?? 0) * dpr) - 1;
    const k = CORNERS.indexOf((points[i] as ShownPoint).corner);
    for (let y = y0; y < y0 + dot; y++) {
      if (y < 0 || y >= H) continue;
      for (let x = x0; x < x0 + dot; x++) {
        if (x < 0 || x >= W) continue;
        const j = y * W + x;
        // Each dot covers 55 % of what shows through: overlaps darken.
        alpha[j] = (alpha[j] ?? 0) + (1 - (alpha[j] ?? 0)) * 0.55;
        hue[j] = k;
      }
    }
  }
  const colours = CORNERS.map((c) => rgb(colour(c)));
  const img = new ImageData(W, H);
  const data = img.data;
  for (let j = 0; j < alpha.length; j++) {
    const a = alpha[j] ?? 0;
    if (a === 0) continue;
    const c = colours[hue[j] ?? 0] ?? [80, 80, 80];
    data[j * 4] = c[0];
    data[j * 4 + 1] = c[1];
    data[j * 4 + 2] = c[2];
    data[j * 4 + 3] = Math.round(a * 255);
  }
  const layer = document.createElement("canvas");
  layer.width = W;
  layer.height = H;
  layer.getContext("2d")?.putImageData(img, 0, 0);
  g.save();
  g.setTransform(1, 0, 0, 1, 0, 0);
  g.drawImage(layer, 0, 0);
  g.restore();
}

export function MatrixCanvas(props: Props) {
  const { matrix: m, points, counts, selected, draggable } = props;
  const wrap = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState({ w: 800, h: 560 });
  const [drag, setDrag] = useState<{ id: string; x: number; y: number } | null>(null);
  // Screen positions of every point, for hit testing.
  const xs = useRef(new Float32Array(0));
  const ys = useRef(new Float32Array(0));

  useEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const ro = new ResizeObserver(([e]) => {
      if (!e) return;
      const { width, height } = e.contentRect;
      setSize({ w: Math.max(320, Math.floor(width)), h: Math.max(300, Math.floor(height)) });
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const plot: Plot = {
    left: MARGIN.left,
    top: MARGIN.top,
    width: size.w - MARGIN.left - MARGIN.right,
    height: size.h - MARGIN.top - MARGIN.bottom,
  };
  // Values map into `plot`; the frame, backgrounds and threshold lines span `frame`.
  const frame: Plot = { ...plot };
  plot.left += PAD;
  plot.top += PAD;
  plot.width -= 2 * PAD;
  plot.height -= 2 * PAD;

  const opposite: Record<Corner, Corner> = {
    top_left: "bottom_right",
    top_right: "bottom_left",
    bottom_left: "top_right",
    bottom_right: "top_left",
  };

  // Where each point is drawn: worked out when the points, the matrix or the size change,
  // never per frame of a drag. Points that share a score spread over a disc that grows
  // with their number, up to nearly half the distance between two whole scores.
  const previous = useRef<{
    m: Matrix;
    w: number;
    h: number;
    points: readonly ShownPoint[];
    px: Float32Array;
    py: Float32Array;
    crowd: Map<number, number>;
  } | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: plot follows size
  const layout = useMemo(() => {
    const n = points.length;
    const dense = n > DENSE;
    const step = Math.min(plot.width / (m.x.max - m.x.min), plot.height / (m.y.max - m.y.min));
    const cap = Math.max(6, step * 0.42);
    // toScreen, inlined: this runs for every point that moved.
    const sx = plot.width / (m.x.max - m.x.min || 1);
    const sy = plot.height / (m.y.max - m.y.min || 1);
    const base = dense ? 2 : 5;
    const before = previous.current;
    // A re-score changes a few points of the same list: only they are placed again (the
    // crowd counts follow them; their neighbours keep their spread until the next full
    // placing).
    const same =
      before !== null &&
      before.m === m &&
      before.w === size.w &&
      before.h === size.h &&
      before.points.length === n;
    const crowd = same ? before.crowd : sharing(points);
    const px = same ? before.px.slice() : new Float32Array(n);
    const py = same ? before.py.slice() : new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const p = points[i] as ShownPoint;
      if (same) {
        const old = before.points[i] as ShownPoint;
        if (old === p) continue;
        if (old.id !== p.id) return placeAll();
        const from = positionKey(old.x, old.y);
        crowd.set(from, (crowd.get(from) ?? 1) - 1);
        const to = positionKey(p.x, p.y);
        crowd.set(to, (crowd.get(to) ?? 0) + 1);
      }
      const [dx, dy] = spread(p.id, spreadRadius(crowd.get(positionKey(p.x, p.y)) ?? 1, base, cap));
      px[i] = plot.left + (p.x - m.x.min) * sx + dx;
      py[i] = plot.top + plot.height - (p.y - m.y.min) * sy + dy;
    }
    previous.current = { m, w: size.w, h: size.h, points, px, py, crowd };
    return { px, py, dense };

    function placeAll() {
      previous.current = null;
      const fresh = sharing(points);
      const ax = new Float32Array(n);
      const ay = new Float32Array(n);
      points.forEach((p, i) => {
        const [dx, dy] = spread(
          p.id,
          spreadRadius(fresh.get(positionKey(p.x, p.y)) ?? 1, base, cap),
        );
        ax[i] = plot.left + (p.x - m.x.min) * sx + dx;
        ay[i] = plot.top + plot.height - (p.y - m.y.min) * sy + dy;
      });
      previous.current = { m, w: size.w, h: size.h, points, px: ax, py: ay, crowd: fresh };
      return { px: ax, py: ay, dense };
    }
  }, [m, points, size]);

  // The quadrant backgrounds and every point, drawn once into an image the frames reuse.
  // biome-ignore lint/correctness/useExhaustiveDependencies: plot follows size
  const base = useMemo(() => {
    const dpr = window.devicePixelRatio || 1;
    const img = document.createElement("canvas");
    img.width = size.w * dpr;
    img.height = size.h * dpr;
    const g = img.getContext("2d");
    if (!g) return img;
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    const [tx, ty] = toScreen(m, plot, m.x.threshold, m.y.threshold);
    const rect = quadrantRects(frame, tx, ty);
    // Backgrounds: the best corner green, its opposite red, the other two neutral.
    for (const corner of CORNERS) {
      const [x, y, w, h] = rect[corner];
      g.fillStyle =
        corner === m.best
          ? "rgba(22, 163, 74, 0.10)"
          : corner === opposite[m.best]
            ? "rgba(190, 18, 60, 0.07)"
            : "rgba(100, 116, 139, 0.06)";
      g.fillRect(x, y, w, h);
    }
    const { px, py, dense } = layout;
    g.globalAlpha = dense ? 1 : 0.7;
    // One colour at a time: the best quadrant, its opposite, the other two.
    const colour = (c: Corner) =>
      c === m.best
        ? css("--health-green")
        : c === opposite[m.best]
          ? css("--metrics")
          : css("--brand");
    if (dense) {
      drawDense(g, points, px, py, size.w, size.h, dpr, colour);
    } else {
      for (const corner of CORNERS) {
        g.fillStyle = colour(corner);
        g.beginPath();
        points.forEach((p, i) => {
          if (p.corner !== corner) return;
          g.moveTo((px[i] ?? 0) + p.r, py[i] ?? 0);
          g.arc(px[i] ?? 0, py[i] ?? 0, p.r, 0, Math.PI * 2);
        });
        g.fill();
      }
    }
    g.globalAlpha = 1;
    return img;
  }, [layout, m, points, size]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: plot follows size
  useEffect(() => {
    const c = canvas.current;
    const g = c?.getContext("2d");
    if (!c || !g) return;
    const dpr = window.devicePixelRatio || 1;
    if (c.width !== size.w * dpr || c.height !== size.h * dpr) {
      c.width = size.w * dpr;
      c.height = size.h * dpr;
    }
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.clearRect(0, 0, c.width, c.height);
    g.drawImage(base, 0, 0);
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    const ink = css("--ink");
    const muted = css("--muted");
    const line = css("--line");
    const surface = css("--surface");
    const [tx, ty] = toScreen(m, plot, m.x.threshold, m.y.threshold);
    const right = frame.left + frame.width;
    const bottom = frame.top + frame.height;
    const rect = quadrantRects(frame, tx, ty);
    const { px, py } = layout;
    xs.current = px;
    ys.current = py;
    // Trails from the compare date.
    g.strokeStyle = muted;
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
    // The selected point ringed; a dragged one drawn where the pointer has it.
    const sel = points.findIndex((p) => p.id === (drag?.id ?? selected));
    const sp = points[sel];
    if (sp) {
      const [cx, cy] = drag ? toScreen(m, plot, drag.x, drag.y) : [px[sel] ?? 0, py[sel] ?? 0];
      const r = Math.max(sp.r, 5);
      if (drag) {
        g.fillStyle = ink;
        g.beginPath();
        g.arc(cx, cy, r, 0, Math.PI * 2);
        g.fill();
      }
      g.strokeStyle = ink;
      g.lineWidth = 2.5;
      g.beginPath();
      g.arc(cx, cy, r + 4, 0, Math.PI * 2);
      g.stroke();
    }
    // Threshold lines and the frame.
    g.strokeStyle = ink;
    g.lineWidth = 1.5;
    g.setLineDash([6, 5]);
    g.beginPath();
    g.moveTo(tx, frame.top);
    g.lineTo(tx, bottom);
    g.moveTo(frame.left, ty);
    g.lineTo(right, ty);
    g.stroke();
    g.setLineDash([]);
    g.strokeStyle = line;
    g.strokeRect(frame.left, frame.top, frame.width, frame.height);
    // Quadrant names, support levels and counts, in each quadrant's outer corner, large
    // enough to read from the back of a room.
    for (const corner of CORNERS) {
      const [x, y, w, h] = rect[corner];
      if (w < 60 || h < 50) continue;
      const leftSide = corner.endsWith("left");
      const topSide = corner.startsWith("top");
      const q = m.quadrants.find((x) => x.corner === corner);
      const support = SUPPORTS.find((s) => s.value === q?.support)?.label;
      const name = (corner === m.best ? "★ " : "") + quadrantName(m, corner);
      const lines: [string, string, string, number][] = [
        [name, "600 20px Inter, system-ui, sans-serif", ink, 30],
        [count(counts[corner]), "700 26px Inter, system-ui, sans-serif", ink, 22],
      ];
      if (support) lines.push([support, "500 15px Inter, system-ui, sans-serif", muted, 0]);
      // A card behind the words, so the points under them never make them hard to read.
      let width = 0;
      for (const [text, font] of lines) {
        g.font = font;
        width = Math.max(width, Math.min(w - 28, g.measureText(text).width));
      }
      const height = support ? 78 : 56;
      const ax = leftSide ? x + 14 : x + w - 14;
      const top = topSide ? y + 8 : y + h - height - 8;
      g.fillStyle = surface;
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
    // Axes: the range's ends and the threshold, and the labels with their better end.
    g.fillStyle = muted;
    g.font = "500 13px Inter, system-ui, sans-serif";
    g.textAlign = "center";
    for (const v of [m.x.min, m.x.threshold, m.x.max]) {
      g.fillText(String(v), toScreen(m, plot, v, m.y.min)[0], bottom + 18);
    }
    g.textAlign = "right";
    for (const v of [m.y.min, m.y.threshold, m.y.max]) {
      g.fillText(String(v), frame.left - 8, toScreen(m, plot, m.x.min, v)[1] + 4);
    }
    g.fillStyle = ink;
    g.font = "600 15px Inter, system-ui, sans-serif";
    g.textAlign = "center";
    g.fillText(`${m.x.label} →`, plot.left + plot.width / 2, bottom + 42);
    g.save();
    g.translate(18, plot.top + plot.height / 2);
    g.rotate(-Math.PI / 2);
    g.fillText(`${m.y.label} →`, 0, 0);
    g.restore();
  }, [base, layout, m, points, counts, selected, drag, size]);

  // Where a point is drawn and where a value would be, for the end-to-end tests that drag
  // points with a real pointer (a canvas has no element per point to find).
  // biome-ignore lint/correctness/useExhaustiveDependencies: plot follows size
  useEffect(() => {
    const w = window as unknown as { __milepostMatrix?: unknown };
    w.__milepostMatrix = {
      locate: (id: string) => {
        const i = points.findIndex((p) => p.id === id);
        return i < 0 ? null : [xs.current[i], ys.current[i]];
      },
      place: (x: number, y: number) => toScreen(m, plot, x, y),
      trails: () => points.filter((p) => p.was).length,
    };
  }, [m, points, size]);

  const local = (e: React.PointerEvent) => {
    const r = canvas.current?.getBoundingClientRect();
    return r ? { x: e.clientX - r.left, y: e.clientY - r.top } : { x: 0, y: 0 };
  };
  const hit = useCallback(
    (at: { x: number; y: number }) => nearest(xs.current, ys.current, at.x, at.y, 10),
    [],
  );

  return (
    <div className="matrix-canvas" ref={wrap}>
      <canvas
        ref={canvas}
        style={{ width: size.w, height: size.h, position: "absolute", inset: 0 }}
        data-testid="matrix-canvas"
        aria-label={`${m.name}: ${count(points.length)} points`}
        onPointerMove={(e) => {
          const at = local(e);
          if (drag) {
            const [x, y] = fromScreen(m, plot, at.x, at.y);
            setDrag({ ...drag, x, y });
            return;
          }
          const i = hit(at);
          props.onHover(i >= 0 ? i : null, i >= 0 ? at : null);
        }}
        onPointerLeave={() => props.onHover(null, null)}
        onPointerDown={(e) => {
          const i = hit(local(e));
          const p = i >= 0 ? points[i] : null;
          props.onSelect(p?.id ?? null);
          if (p && draggable) {
            (e.target as Element).setPointerCapture?.(e.pointerId);
            setDrag({ id: p.id, x: p.x, y: p.y });
          }
        }}
        onPointerUp={() => {
          if (!drag) return;
          const p = points.find((x) => x.id === drag.id);
          setDrag(null);
          if (p && (p.x !== drag.x || p.y !== drag.y)) props.onMove(drag.id, drag.x, drag.y);
        }}
      />
    </div>
  );
}
