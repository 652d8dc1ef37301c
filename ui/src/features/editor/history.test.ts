import { describe, expect, it } from "vitest";
import { COALESCE_MS, HISTORY_LIMIT, record, redo, start, undo } from "./history";
import { updateStage } from "./ops";
import { blankJourney } from "./testing";

const j0 = blankJourney("J");
const renamed = (name: string) => updateStage(j0, "stage-1", { name });

describe("history", () => {
  it("undoes and redoes edits in order", () => {
    let h = start(j0);
    const a = renamed("A");
    const b = renamed("B");
    h = record(h, a, "x", 0);
    h = record(h, b, "y", 5000);
    expect(undo(h).present).toBe(a);
    expect(undo(undo(h)).present).toBe(j0);
    expect(redo(undo(undo(h))).present).toBe(a);
    expect(undo(start(j0))).toEqual(start(j0));
    expect(redo(h)).toBe(h);
  });

  it("a new edit after undo drops the redo branch", () => {
    let h = record(start(j0), renamed("A"), "x", 0);
    h = undo(h);
    h = record(h, renamed("C"), "z", 10);
    expect(h.future).toEqual([]);
    expect(redo(h)).toBe(h);
  });

  it("typing into the same field quickly is one step; a pause or another field is a new one", () => {
    let h = start(j0);
    h = record(h, renamed("O"), "stage:name", 0);
    h = record(h, renamed("On"), "stage:name", 200);
    h = record(h, renamed("Onb"), "stage:name", 400);
    expect(h.past).toHaveLength(1);
    expect(undo(h).present).toBe(j0);
    h = record(h, renamed("Onbo"), "stage:name", 400 + COALESCE_MS + 1);
    expect(h.past).toHaveLength(2);
    h = record(h, renamed("x"), "other", 400 + COALESCE_MS + 2);
    expect(h.past).toHaveLength(3);
  });

  it("keeps at most HISTORY_LIMIT steps", () => {
    let h = start(j0);
    for (let i = 0; i < HISTORY_LIMIT + 50; i++) h = record(h, renamed(`n${i}`), `l${i}`, i);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
  });

  it("recording the same journey is not a step", () => {
    const h = start(j0);
    expect(record(h, j0, "x", 0)).toBe(h);
  });
});
