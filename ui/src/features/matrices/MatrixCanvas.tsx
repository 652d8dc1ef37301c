// One matrix drawn on a canvas (not one DOM node per point, so 60,000 stakeholders stay
// smooth): quadrant backgrounds with their names and counts, the threshold lines, the best
// corner marked, points sized by ARR or stakeholders, trails from an earlier date, and a
// point dragged to re-score it.
import { useEffect, useMemo, useRef } from "react";
import type { Corner } from "../../bindings/Corner";
import type { Matrix } from "../../bindings/Matrix";
import { count } from "../../components/text";
import { drawOverlay } from "./drawOverlay";
import { drawPoints } from "./drawPoints";
import { plotArea, type ShownPoint } from "./plotArea";
import { useCanvasSize } from "./useCanvasSize";
import { useMatrixProbe } from "./useMatrixProbe";
import { usePointDrag } from "./usePointDrag";
import { usePointLayout } from "./usePointLayout";

export type { ShownPoint } from "./plotArea";

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

export function MatrixCanvas(props: Props) {
  const { matrix: m, points, counts, selected } = props;
  const wrap = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const size = useCanvasSize(wrap);
  // Screen positions of every point, for hit testing.
  const xs = useRef<Float32Array>(new Float32Array(0));
  const ys = useRef<Float32Array>(new Float32Array(0));
  const { plot, frame } = plotArea(size);
  const layout = usePointLayout(m, points, size, plot);
  const { drag, handlers } = usePointDrag({ ...props, m, plot, canvas, xs, ys });

  // The quadrant backgrounds and every point, drawn once into an image the frames reuse.
  // biome-ignore lint/correctness/useExhaustiveDependencies: plot follows size
  const base = useMemo(
    () => drawPoints(m, points, layout, size, plot, frame),
    [layout, m, points, size],
  );

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
    const { px, py } = layout;
    xs.current = px;
    ys.current = py;
    drawOverlay(g, { m, plot, frame, points, px, py, counts, selected, drag });
  }, [base, layout, m, points, counts, selected, drag, size]);

  useMatrixProbe(m, points, size, plot, xs, ys);

  return (
    <div className="matrix-canvas" ref={wrap}>
      <canvas
        ref={canvas}
        style={{ width: size.w, height: size.h, position: "absolute", inset: 0 }}
        data-testid="matrix-canvas"
        aria-label={`${m.name}: ${count(points.length)} points`}
        {...handlers}
      />
    </div>
  );
}
