// A matrix's corners and their words, shared by the Matrices view and the inspector.
import type { Corner } from "../../bindings/Corner";
import type { Matrix } from "../../bindings/Matrix";

/** Corners in reading order: top row left to right, then the bottom row. */
export const CORNERS: Corner[] = ["top_left", "top_right", "bottom_left", "bottom_right"];

export const CORNER_WORDS: Record<Corner, string> = {
  top_left: "Top left",
  top_right: "Top right",
  bottom_left: "Bottom left",
  bottom_right: "Bottom right",
};

/** The quadrant's name, or the corner's words when the matrix names none. */
export function quadrantName(m: Matrix, c: Corner): string {
  return m.quadrants.find((q) => q.corner === c)?.name ?? CORNER_WORDS[c];
}

/** The corner a point falls in: on or above a threshold is high (as the core decides). */
export function cornerOf(m: Matrix, x: number, y: number): Corner {
  const right = x >= m.x.threshold;
  const top = y >= m.y.threshold;
  return top ? (right ? "top_right" : "top_left") : right ? "bottom_right" : "bottom_left";
}
