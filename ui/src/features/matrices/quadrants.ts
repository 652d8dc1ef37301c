// A matrix's corners and their words, shared by the Matrices view and the inspector.
import type { Corner } from "../../bindings/Corner";
import type { Matrix } from "../../bindings/Matrix";
import { CORNERS as CORNER_LIST } from "../../bindings/vocabulary";

/** Corners in reading order: top row left to right, then the bottom row (the core's). */
export const CORNERS: Corner[] = CORNER_LIST.map((c) => c.value);

/** The words for an unnamed quadrant, from the core's vocabulary. */
export const CORNER_WORDS = Object.fromEntries(
  CORNER_LIST.map((c) => [c.value, c.label]),
) as Record<Corner, string>;

/** The quadrant's name, or the corner's words when the matrix names none (as the core's
 * `Matrix::quadrant_name`). */
export function quadrantName(m: Matrix, c: Corner): string {
  return m.quadrants.find((q) => q.corner === c)?.name ?? CORNER_WORDS[c];
}

/** The corner a point falls in: on or above a threshold is high (as the core decides). */
export function cornerOf(m: Matrix, x: number, y: number): Corner {
  const right = x >= m.x.threshold;
  const top = y >= m.y.threshold;
  return top ? (right ? "top_right" : "top_left") : right ? "bottom_right" : "bottom_left";
}
