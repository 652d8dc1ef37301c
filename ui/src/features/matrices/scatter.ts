// The geometry of a matrix scatter, apart from drawing: where a value lands on screen and
// back, a small steady spread for points that share a score, the point under the pointer,
// and the counts per quadrant as points move.
import type { Axis } from "../../bindings/Axis";
import type { Corner } from "../../bindings/Corner";
import type { Matrix } from "../../bindings/Matrix";
import { cornerOf } from "./quadrants";

export interface Plot {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A value on an axis as a share of its range (0 at min, 1 at max). */
function share(a: Axis, v: number): number {
  return a.max > a.min ? (v - a.min) / (a.max - a.min) : 0;
}

export function toScreen(m: Matrix, p: Plot, x: number, y: number): [number, number] {
  return [p.left + share(m.x, x) * p.width, p.top + (1 - share(m.y, y)) * p.height];
}

/** A screen position as axis values, clamped to the ranges and rounded to `step`. */
export function fromScreen(
  m: Matrix,
  p: Plot,
  sx: number,
  sy: number,
  step = 0.1,
): [number, number] {
  const value = (a: Axis, s: number) => {
    const v = a.min + Math.min(1, Math.max(0, s)) * (a.max - a.min);
    return clampTo(a, Math.round(v / step) * step);
  };
  return [value(m.x, (sx - p.left) / p.width), value(m.y, 1 - (sy - p.top) / p.height)];
}

/** A value kept inside its axis's range, without float dust (7.000000001 → 7). */
export function clampTo(a: Axis, v: number): number {
  return Math.round(Math.min(a.max, Math.max(a.min, v)) * 1000) / 1000;
}

/**
 * A steady offset in pixels for a point, from its id: stakeholders scored with whole
 * numbers share positions, and a spread of a few pixels shows how many there are. The
 * same id always lands in the same place, so nothing jumps between frames.
 */
export function spread(id: string, radius: number): [number, number] {
  let unit = UNIT_SPREAD.get(id);
  if (!unit) {
    let h = 2166136261;
    for (let i = 0; i < id.length; i++) {
      h ^= id.charCodeAt(i);
      h = Math.imul(h, 16777619);
    }
    const angle = ((h >>> 0) % 3600) * (Math.PI / 1800);
    // The square root spreads them evenly over the disc, not bunched at its centre.
    const r = Math.sqrt(((h >>> 12) % 1000) / 1000);
    unit = [Math.cos(angle) * r, Math.sin(angle) * r];
    UNIT_SPREAD.set(id, unit);
  }
  return [unit[0] * radius, unit[1] * radius];
}

/** Each id's offset on a disc of radius 1, worked out once: a re-score redraws 60,000
 * points without hashing their ids again. */
const UNIT_SPREAD = new Map<string, [number, number]>();

/**
 * How far the points sharing one position spread: wider the more of them there are (so a
 * cluster's size shows how many stakeholders gave that score), never past `cap` pixels.
 */
export function spreadRadius(sharing: number, base: number, cap: number): number {
  return Math.min(cap, base + 2.2 * Math.sqrt(Math.max(0, sharing - 1)));
}

/** How many points share each exact position, keyed by `positionKey`. */
export function sharing(points: readonly { x: number; y: number }[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const p of points) {
    const k = positionKey(p.x, p.y);
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

/** A number for a position, cheaper than a string key. Two positions could share one only
 * far outside any score's range, and then only their spread would be off. */
export function positionKey(x: number, y: number): number {
  return x * 1_048_576 + y;
}

/** The index of the point nearest (sx, sy) within `reach` pixels, or -1. */
export function nearest(xs: Float32Array, ys: Float32Array, sx: number, sy: number, reach: number) {
  let best = -1;
  let bestD = reach * reach;
  for (let i = 0; i < xs.length; i++) {
    const dx = (xs[i] ?? Number.POSITIVE_INFINITY) - sx;
    const dy = (ys[i] ?? Number.POSITIVE_INFINITY) - sy;
    const d = dx * dx + dy * dy;
    if (d <= bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}

/** Points per corner. */
export function countCorners(
  m: Matrix,
  points: readonly { x: number; y: number }[],
): Record<Corner, number> {
  const out: Record<Corner, number> = {
    top_left: 0,
    top_right: 0,
    bottom_left: 0,
    bottom_right: 0,
  };
  for (const p of points) out[cornerOf(m, p.x, p.y)] += 1;
  return out;
}

/** A point's radius in pixels: by the square root of its size among all sizes. */
export function radiusFor(size: number | null, largest: number, small: number, big: number) {
  if (size == null || largest <= 0) return small;
  return small + (big - small) * Math.sqrt(Math.max(0, size) / largest);
}
