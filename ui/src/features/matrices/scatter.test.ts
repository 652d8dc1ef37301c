import { describe, expect, it } from "vitest";
import type { Matrix } from "../../bindings/Matrix";
import { cornerOf } from "./quadrants";
import {
  countCorners,
  fromScreen,
  nearest,
  positionKey,
  sharing,
  spread,
  spreadRadius,
  toScreen,
} from "./scatter";

const m: Matrix = {
  id: "pi",
  name: "Purpose × intent",
  x: { label: "Intent", field: "intent", min: 1, max: 10, threshold: 5 },
  y: { label: "Purpose", field: "purpose", min: 1, max: 10, threshold: 5 },
  best: "top_right",
  quadrants: [],
};
const plot = { left: 10, top: 20, width: 900, height: 450 };

describe("matrix scatter", () => {
  it("puts min at the bottom left and max at the top right, and reads positions back", () => {
    expect(toScreen(m, plot, 1, 1)).toEqual([10, 470]);
    expect(toScreen(m, plot, 10, 10)).toEqual([910, 20]);
    const [sx, sy] = toScreen(m, plot, 7.3, 2.6);
    expect(fromScreen(m, plot, sx, sy)).toEqual([7.3, 2.6]);
    // Dragged past the edge, a score stays in its range.
    expect(fromScreen(m, plot, -50, 900)).toEqual([1, 1]);
  });

  it("counts a point on a threshold as high, as the core does", () => {
    expect(cornerOf(m, 5, 5)).toBe("top_right");
    expect(cornerOf(m, 4.9, 5)).toBe("top_left");
    expect(
      countCorners(m, [
        { x: 5, y: 5 },
        { x: 1, y: 1 },
        { x: 9, y: 4.99 },
      ]),
    ).toEqual({
      top_left: 0,
      top_right: 1,
      bottom_left: 1,
      bottom_right: 1,
    });
  });

  it("spreads points that share a score steadily, within the radius", () => {
    const a = spread("C1/Ana", 6);
    expect(spread("C1/Ana", 6)).toEqual(a);
    expect(spread("C1/Ben", 6)).not.toEqual(a);
    expect(Math.hypot(a[0], a[1])).toBeLessThanOrEqual(6);
  });

  it("spreads a crowded score wider, up to a cap", () => {
    const counts = sharing([
      { x: 7, y: 7 },
      { x: 7, y: 7 },
      { x: 3, y: 2 },
    ]);
    expect(counts.get(positionKey(7, 7))).toBe(2);
    expect(counts.get(positionKey(3, 2))).toBe(1);
    expect(spreadRadius(1, 3, 40)).toBe(3);
    expect(spreadRadius(101, 3, 40)).toBe(25);
    expect(spreadRadius(10_000, 3, 40)).toBe(40);
  });

  it("finds the point under the pointer, or none out of reach", () => {
    const xs = Float32Array.from([10, 50, 52]);
    const ys = Float32Array.from([10, 50, 50]);
    expect(nearest(xs, ys, 51.4, 50, 8)).toBe(2);
    expect(nearest(xs, ys, 200, 200, 8)).toBe(-1);
  });
});
