// Adding, replacing and removing a journey's matrices, as pure journey → journey edits
// the editor's undo covers.
import type { Journey } from "../../bindings/Journey";
import type { Matrix } from "../../bindings/Matrix";
import { CORNER_WORDS, CORNERS } from "./quadrants";

/** An id not yet used by the journey's matrices: `base`, or `base-2`, `base-3`… */
function freeId(j: Journey, base: string): string {
  const used = new Set(j.matrices.map((m) => m.id));
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}

/** Adds a matrix (a built-in lens, or a blank one) at the end, under a free id. */
export function addMatrix(j: Journey, m: Matrix): [Journey, string] {
  const id = freeId(j, m.id);
  return [{ ...j, matrices: [...j.matrices, { ...m, id }] }, id];
}

/** A matrix to start from: purpose across, intent up, the corners named by their place. */
export function blankMatrix(): Matrix {
  return {
    id: "matrix",
    name: "New matrix",
    x: { label: "Intent", field: "intent", min: 1, max: 10, threshold: 5 },
    y: { label: "Purpose", field: "purpose", min: 1, max: 10, threshold: 5 },
    best: "top_right",
    quadrants: CORNERS.map((c) => ({ corner: c, name: CORNER_WORDS[c] })),
  };
}

export function replaceMatrix(j: Journey, m: Matrix): Journey {
  return { ...j, matrices: j.matrices.map((x) => (x.id === m.id ? m : x)) };
}

/** Removes a matrix; plays triggered by its quadrants become manual, so nothing points at
 * a matrix that is gone. */
export function removeMatrix(j: Journey, id: string): Journey {
  return {
    ...j,
    matrices: j.matrices.filter((m) => m.id !== id),
    activities: j.activities.map((a) =>
      a.trigger?.kind === "in_quadrant" && a.trigger.matrix === id
        ? { ...a, trigger: { kind: "manual" } }
        : a,
    ),
  };
}

/** The plays a matrix's quadrants trigger. */
export function playsOf(j: Journey, id: string): string[] {
  return j.activities
    .filter((a) => a.trigger?.kind === "in_quadrant" && a.trigger.matrix === id)
    .map((a) => a.name);
}
