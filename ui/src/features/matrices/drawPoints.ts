// The quadrant backgrounds and every point, drawn once into an image the frames reuse.
import type { Corner } from "../../bindings/Corner";
import type { Matrix } from "../../bindings/Matrix";
import { css, quadrantRects, type ShownPoint, type Size } from "./plotArea";
import { CORNERS } from "./quadrants";
import { type Plot, toScreen } from "./scatter";
import type { PointLayout } from "./usePointLayout";

const OPPOSITE: Record<Corner, Corner> = {
  top_left: "bottom_right",
  top_right: "bottom_left",
  bottom_left: "top_right",
  bottom_right: "top_left",
};

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

export function drawPoints(
  m: Matrix,
  points: readonly ShownPoint[],
  layout: PointLayout,
  size: Size,
  plot: Plot,
  frame: Plot,
): HTMLCanvasElement {
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
        : corner === OPPOSITE[m.best]
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
      : c === OPPOSITE[m.best]
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
}
