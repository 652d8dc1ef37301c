// The points as drawn: filtered on screen by stage and health, counted per quadrant, sized.
import { useCallback, useMemo } from "react";
import type { Corner } from "../../bindings/Corner";
import type { Matrix } from "../../bindings/Matrix";
import type { MatrixPoint } from "../../bindings/MatrixPoint";
import type { ShownPoint } from "./plotArea";
import { countCorners, radiusFor } from "./scatter";
import type { MatrixFilters } from "./useMatrixFilters";
import type { PlacedPoints } from "./useMatrixScreen";

export interface ShownPoints {
  /** The points that pass the stage and health filters. */
  visible: MatrixPoint[];
  counts: Record<Corner, number>;
  /** `visible` as the canvas draws them, in the same order. */
  shown: ShownPoint[];
}

export function useShownPoints(
  matrix: Matrix | null,
  { screen, points, customers, before }: PlacedPoints,
  { stage, health, sizeBy }: MatrixFilters,
): ShownPoints {
  // Stage and health filter on screen, at once; segment and owner ask the core.
  const visible = useMemo(
    () =>
      !stage && !health
        ? points
        : points.filter((p) => {
            const c = customers.get(p.customer_id);
            return (!stage || c?.stage === stage) && (!health || c?.health === health);
          }),
    [points, customers, stage, health],
  );
  const counts = useMemo(
    () =>
      matrix
        ? countCorners(matrix, visible)
        : { top_left: 0, top_right: 0, bottom_left: 0, bottom_right: 0 },
    [matrix, visible],
  );
  // The size a point stands for, and the largest, over everyone on the matrix: stable
  // while points are re-scored, so a nudge does not re-measure 60,000 points.
  const sizeOf = useCallback(
    (p: MatrixPoint) =>
      sizeBy === "arr"
        ? (customers.get(p.customer_id)?.arr ?? null)
        : sizeBy === "stakeholders"
          ? p.stakeholders
          : null,
    [sizeBy, customers],
  );
  const largest = useMemo(() => {
    let most = 0;
    for (const p of screen?.view.points ?? []) most = Math.max(most, sizeOf(p) ?? 0);
    return most;
  }, [screen, sizeOf]);
  // Each point drawn as it was last time unless it changed: a re-score rebuilds one. A
  // new cache whenever what a drawing depends on changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the dependencies are the key
  const drawn = useMemo(() => new WeakMap<MatrixPoint, ShownPoint>(), [largest, sizeOf, before]);
  const shown: ShownPoint[] = useMemo(
    () =>
      visible.map((p) => {
        const known = drawn.get(p);
        if (known) return known;
        const was = before.get(p.id);
        const s: ShownPoint = {
          id: p.id,
          x: p.x,
          y: p.y,
          corner: p.corner,
          r: sizeBy === "none" ? 5 : radiusFor(sizeOf(p), largest, 3, 13),
          was: was && (was.x !== p.x || was.y !== p.y) ? { x: was.x, y: was.y } : undefined,
        };
        drawn.set(p, s);
        return s;
      }),
    [visible, drawn, before, sizeBy, sizeOf, largest],
  );
  return { visible, counts, shown };
}
