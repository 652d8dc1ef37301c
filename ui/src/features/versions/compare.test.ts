import { describe, expect, it } from "vitest";
import type { Funnel } from "../../bindings/Funnel";
import { changeMarks, funnelRows } from "./compare";

const funnel = (steps: [string, number][]): Funnel =>
  ({
    journey: "j",
    as_of: "2025-12-31",
    customers: 100,
    milestones: steps.map(([id, reached]) => ({ id, name: id.toUpperCase(), reached })),
    not_started: 0,
    not_started_churned: 0,
    bottleneck: null,
  }) as unknown as Funnel;

describe("funnelRows", () => {
  it("pairs milestones by id, with the change, new ones and gone ones", () => {
    const rows = funnelRows(
      funnel([
        ["a", 90],
        ["b", 60],
        ["c", 30],
      ]),
      funnel([
        ["a", 90],
        ["b", 45],
        ["d", 20],
      ]),
    );
    expect(rows.map((r) => [r.id, r.before, r.after, r.change])).toEqual([
      ["a", 90, 90, "0"],
      ["b", 60, 45, "−15"],
      ["d", null, 20, "new"],
      ["c", 30, null, "gone"],
    ]);
  });
});

describe("changes on the canvas", () => {
  it("marks added and changed cards by node id, and nothing for the journey or removals", () => {
    const item = (kind: string, id: string) => ({ kind, id, name: id });
    const marks = changeMarks({
      added: [item("milestone", "m9"), item("role", "cfo")],
      removed: [item("activity", "gone")],
      changed: [
        { ...item("stage", "onboard"), fields: ["name"] },
        { ...item("journey", ""), fields: ["name"] },
      ],
    });
    expect([...marks]).toEqual([
      ["milestone:m9", "mark-added"],
      ["role:cfo", "mark-added"],
      ["stage:onboard", "mark-changed"],
    ]);
  });
});
