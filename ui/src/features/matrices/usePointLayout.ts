// Where each point is drawn on the canvas, placed again only where a re-score moved it.
import { useMemo, useRef } from "react";
import type { Matrix } from "../../bindings/Matrix";
import type { ShownPoint, Size } from "./plotArea";
import { type Plot, positionKey, sharing, spread, spreadRadius } from "./scatter";

/** Above this many points, each is a small square: the picture becomes a density. */
const DENSE = 4000;

export interface PointLayout {
  /** Screen positions, in the order of the points. */
  px: Float32Array;
  py: Float32Array;
  dense: boolean;
}

/**
 * Worked out when the points, the matrix or the size change, never per frame of a drag.
 * Points that share a score spread over a disc that grows with their number, up to nearly
 * half the distance between two whole scores.
 */
export function usePointLayout(
  m: Matrix,
  points: readonly ShownPoint[],
  size: Size,
  plot: Plot,
): PointLayout {
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
  return useMemo(() => {
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
}
