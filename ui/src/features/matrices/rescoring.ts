// Re-scoring in a workshop: a dragged or nudged point becomes score changes, applied to the
// points on screen at once (the counts follow) and undone or redone step by step — in one
// history with the edits of the matrices themselves, so Ctrl+Z undoes whichever came last.
import type { Matrix } from "../../bindings/Matrix";
import type { MatrixPoint } from "../../bindings/MatrixPoint";
import type { ScoreField } from "../../bindings/ScoreField";
import { cornerOf, quadrantName } from "./quadrants";

/** One score of one stakeholder, from one value to another. */
export interface ScoreEdit {
  point: string;
  customer_id: string;
  stakeholder: string;
  field: ScoreField;
  axis: "x" | "y";
  before: number;
  after: number;
}

/** A re-score (saved as workspace data) or an edit of the journey (undone by the
 * journey editor's own history). */
export type Step =
  | { kind: "scores"; label: string; edits: ScoreEdit[] }
  | { kind: "journey"; label: string; at: number };

export interface Stack {
  past: Step[];
  future: Step[];
}

export const EMPTY: Stack = { past: [], future: [] };

function scoreField(m: Matrix, axis: "x" | "y"): ScoreField | null {
  const f = m[axis].field;
  return typeof f === "string" && f !== "arr" ? (f as ScoreField) : null;
}

/** The edits that move stakeholder point `p` to (x, y): one per score axis that changed. */
export function editsFor(m: Matrix, p: MatrixPoint, x: number, y: number): ScoreEdit[] {
  if (p.stakeholder == null) return [];
  const out: ScoreEdit[] = [];
  for (const [axis, to] of [
    ["x", x],
    ["y", y],
  ] as const) {
    const field = scoreField(m, axis);
    if (field && p[axis] !== to)
      out.push({
        point: p.id,
        customer_id: p.customer_id,
        stakeholder: p.stakeholder,
        field,
        axis,
        before: p[axis],
        after: to,
      });
  }
  return out;
}

/** Whether a matrix's points can be dragged: at least one axis reads a score. */
export function canRescore(m: Matrix): boolean {
  return scoreField(m, "x") !== null || scoreField(m, "y") !== null;
}

/** The points with edits applied (`undo`: their before values), quadrants recomputed. */
export function applyEdits(
  m: Matrix,
  points: MatrixPoint[],
  edits: ScoreEdit[],
  undo = false,
): MatrixPoint[] {
  const byPoint = new Map<string, ScoreEdit[]>();
  for (const e of edits) byPoint.set(e.point, [...(byPoint.get(e.point) ?? []), e]);
  return points.map((p) => {
    const mine = byPoint.get(p.id);
    if (!mine) return p;
    const next = { ...p };
    for (const e of mine) next[e.axis] = undo ? e.before : e.after;
    next.corner = cornerOf(m, next.x, next.y);
    next.quadrant = quadrantName(m, next.corner);
    return next;
  });
}

/** Records a step. Journey edits of one field in quick succession are one step, as the
 * journey editor's history counts them. */
export function record(s: Stack, step: Step, coalesceMs = 0): Stack {
  const last = s.past[s.past.length - 1];
  if (
    step.kind === "journey" &&
    last?.kind === "journey" &&
    last.label === step.label &&
    step.at - last.at < coalesceMs
  )
    return { past: [...s.past.slice(0, -1), step], future: [] };
  return { past: [...s.past, step].slice(-200), future: [] };
}

export function undone(s: Stack): [Stack, Step | null] {
  const step = s.past[s.past.length - 1];
  if (!step) return [s, null];
  return [{ past: s.past.slice(0, -1), future: [step, ...s.future] }, step];
}

export function redone(s: Stack): [Stack, Step | null] {
  const [step, ...future] = s.future;
  if (!step) return [s, null];
  return [{ past: [...s.past, step], future }, step];
}
