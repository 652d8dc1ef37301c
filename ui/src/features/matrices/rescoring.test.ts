import { describe, expect, it } from "vitest";
import type { Matrix } from "../../bindings/Matrix";
import type { MatrixPoint } from "../../bindings/MatrixPoint";
import { applyEdits, EMPTY, editsFor, record, redone, undone } from "./rescoring";

const m: Matrix = {
  id: "pi",
  name: "Purpose × intent",
  x: { label: "Intent", field: "intent", min: 1, max: 10, threshold: 5 },
  y: { label: "Seats", field: { attribute: "seats" }, min: 0, max: 500, threshold: 100 },
  best: "top_right",
  quadrants: [{ corner: "bottom_right", name: "Doers" }],
};
const ana: MatrixPoint = {
  id: "C1/Ana",
  customer_id: "C1",
  name: "Ana",
  x: 3,
  y: 40,
  quadrant: "Bottom left",
  corner: "bottom_left",
  stakeholder: "Ana",
  stakeholders: 1,
};

describe("re-scoring", () => {
  it("changes only the score axes, and the quadrant follows", () => {
    // y reads a customer attribute: dragging cannot change it.
    const edits = editsFor(m, ana, 7, 300);
    expect(edits.map((e) => [e.field, e.before, e.after])).toEqual([["intent", 3, 7]]);
    const [moved] = applyEdits(m, [ana], edits);
    expect([moved?.x, moved?.corner, moved?.quadrant]).toEqual([7, "bottom_right", "Doers"]);
    const [back] = applyEdits(m, [ana], edits, true);
    expect([back?.x, back?.corner]).toEqual([3, "bottom_left"]);
    // A customer point is a mean: it cannot be dragged.
    expect(editsFor(m, { ...ana, stakeholder: null }, 7, 40)).toEqual([]);
  });

  it("keeps one history of re-scores and journey edits, typing coalesced", () => {
    let s = record(EMPTY, { kind: "scores", label: "Re-score Ana", edits: [] });
    s = record(s, { kind: "journey", label: "name", at: 1000 }, 1000);
    s = record(s, { kind: "journey", label: "name", at: 1500 }, 1000);
    s = record(s, { kind: "journey", label: "x.threshold", at: 1600 }, 1000);
    expect(s.past.map((x) => x.label)).toEqual(["Re-score Ana", "name", "x.threshold"]);
    const [after, step] = undone(s);
    expect(step?.label).toBe("x.threshold");
    const [again, redo] = redone(after);
    expect(redo?.label).toBe("x.threshold");
    expect(again.past).toHaveLength(3);
  });
});
