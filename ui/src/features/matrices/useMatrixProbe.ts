// Where points are drawn and values would be, for end-to-end tests that drag with a real pointer.
import { type RefObject, useEffect } from "react";
import type { Matrix } from "../../bindings/Matrix";
import type { ShownPoint, Size } from "./plotArea";
import { type Plot, toScreen } from "./scatter";

/** A canvas has no element per point to find, so the page offers `__milepostMatrix`. */
export function useMatrixProbe(
  m: Matrix,
  points: ShownPoint[],
  size: Size,
  plot: Plot,
  xs: RefObject<Float32Array>,
  ys: RefObject<Float32Array>,
) {
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
}
