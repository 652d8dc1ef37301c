// The pointer on the matrix canvas: hover, pick, and drag a point to re-score it.
import { type RefObject, useCallback, useState } from "react";
import type { Matrix } from "../../bindings/Matrix";
import type { Drag } from "./drawOverlay";
import type { ShownPoint } from "./plotArea";
import { fromScreen, nearest, type Plot } from "./scatter";

export interface PointerProps {
  m: Matrix;
  plot: Plot;
  points: ShownPoint[];
  draggable: boolean;
  canvas: RefObject<HTMLCanvasElement | null>;
  /** Screen positions of every point, for hit testing. */
  xs: RefObject<Float32Array>;
  ys: RefObject<Float32Array>;
  onHover: (index: number | null, at: { x: number; y: number } | null) => void;
  onSelect: (id: string | null) => void;
  onMove: (id: string, x: number, y: number) => void;
}

/** The point being dragged, and the canvas's pointer handlers. */
export function usePointDrag(p: PointerProps) {
  const { m, plot, points, draggable, canvas, xs, ys } = p;
  const [drag, setDrag] = useState<Drag>(null);

  const local = (e: React.PointerEvent) => {
    const r = canvas.current?.getBoundingClientRect();
    return r ? { x: e.clientX - r.left, y: e.clientY - r.top } : { x: 0, y: 0 };
  };
  const hit = useCallback(
    (at: { x: number; y: number }) => nearest(xs.current, ys.current, at.x, at.y, 10),
    [xs, ys],
  );

  const handlers = {
    onPointerMove: (e: React.PointerEvent) => {
      const at = local(e);
      if (drag) {
        const [x, y] = fromScreen(m, plot, at.x, at.y);
        setDrag({ ...drag, x, y });
        return;
      }
      const i = hit(at);
      p.onHover(i >= 0 ? i : null, i >= 0 ? at : null);
    },
    onPointerLeave: () => p.onHover(null, null),
    onPointerDown: (e: React.PointerEvent) => {
      const i = hit(local(e));
      const point = i >= 0 ? points[i] : null;
      p.onSelect(point?.id ?? null);
      if (point && draggable) {
        (e.target as Element).setPointerCapture?.(e.pointerId);
        setDrag({ id: point.id, x: point.x, y: point.y });
      }
    },
    onPointerUp: () => {
      if (!drag) return;
      const point = points.find((x) => x.id === drag.id);
      setDrag(null);
      if (point && (point.x !== drag.x || point.y !== drag.y)) p.onMove(drag.id, drag.x, drag.y);
    },
  };
  return { drag, handlers };
}
