// Where things go on the matrix canvas: a point as drawn, the frame, the plot in it, the quadrants.
import type { Corner } from "../../bindings/Corner";
import type { Plot } from "./scatter";

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

export interface Size {
  w: number;
  h: number;
}

const MARGIN = { left: 64, right: 20, top: 16, bottom: 52 };
/** Room inside the frame around the axis range, so a crowd at a score of 1 or 10 stays
 * inside the plot. */
const PAD = 26;

/** Values map into `plot`; the frame, backgrounds and threshold lines span `frame`. */
export function plotArea(size: Size): { plot: Plot; frame: Plot } {
  const frame: Plot = {
    left: MARGIN.left,
    top: MARGIN.top,
    width: size.w - MARGIN.left - MARGIN.right,
    height: size.h - MARGIN.top - MARGIN.bottom,
  };
  const plot: Plot = {
    left: frame.left + PAD,
    top: frame.top + PAD,
    width: frame.width - 2 * PAD,
    height: frame.height - 2 * PAD,
  };
  return { plot, frame };
}

/** The four quadrants' rectangles in a frame split at the thresholds (tx, ty). */
export function quadrantRects(
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

/** A colour from the page's theme. */
export function css(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || "#888";
}
