// A matrix's points as the core places them from the saved journey, asked for as filters change.
import { useEffect, useMemo, useState } from "react";
import type { Matrix } from "../../bindings/Matrix";
import type { MatrixPoint } from "../../bindings/MatrixPoint";
import type { MatrixScreen } from "../../bindings/MatrixScreen";
import type { PointCustomer } from "../../bindings/PointCustomer";
import { type AppError, api, toAppError } from "../../ipc";
import type { MatrixFilters } from "./useMatrixFilters";

export interface PlacedPoints {
  screen: MatrixScreen | null;
  /** The points on screen: the core's, with re-scores applied at once. */
  points: MatrixPoint[];
  setPoints: (update: (points: MatrixPoint[]) => MatrixPoint[]) => void;
  loading: boolean;
  customers: Map<string, PointCustomer>;
  /** Where each point was on the compare date. */
  before: Map<string, MatrixPoint>;
}

export function useMatrixScreen(
  id: number,
  matrix: Matrix | null,
  { level, segment, owner, compare }: MatrixFilters,
  flush: () => Promise<void>,
  onError: (e: AppError) => void,
): PlacedPoints {
  const [screen, setScreen] = useState<MatrixScreen | null>(null);
  const [points, setPoints] = useState<MatrixPoint[]>([]);
  const [loading, setLoading] = useState(true);

  // The core places the points from the saved journey: an edit of the matrix is saved
  // first, and typing is let settle for a moment before the points are asked for again.
  useEffect(() => {
    if (!matrix) return;
    let live = true;
    setLoading(true);
    const t = setTimeout(() => {
      flush()
        .then(() =>
          api.matrixScreen(id, matrix.id, level, {
            segment: segment || null,
            owner: owner || null,
            compare: compare || null,
          }),
        )
        .then(
          (s) => {
            if (!live) return;
            setScreen(s);
            setPoints(s?.view.points ?? []);
            setLoading(false);
          },
          (e) => live && onError(toAppError(e)),
        );
    }, 150);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [id, matrix, level, segment, owner, compare, flush, onError]);

  const customers = useMemo(
    () => new Map<string, PointCustomer>(screen?.customers.map((c) => [c.id, c]) ?? []),
    [screen],
  );
  const before = useMemo(
    () => new Map(screen?.before?.points.map((p) => [p.id, p]) ?? []),
    [screen],
  );
  return { screen, points, setPoints, loading, customers, before };
}
