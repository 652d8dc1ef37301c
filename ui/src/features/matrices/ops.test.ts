import { describe, expect, it } from "vitest";
import type { Journey } from "../../bindings/Journey";
import { addMatrix, blankMatrix, playsOf, removeMatrix } from "./ops";

const journey: Journey = {
  name: "J",
  stages: [{ id: "s", name: "S", milestones: [] }],
  roles: [],
  activities: [
    {
      id: "plan",
      name: "Success plan",
      stage: "s",
      milestones: [],
      trigger: { kind: "in_quadrant", matrix: "matrix", quadrant: "top_right" },
    },
    { id: "call", name: "Call", stage: "s", milestones: [], trigger: { kind: "stage_entered" } },
  ],
  metrics: [],
  matrices: [],
  notes: [],
};

describe("matrix edits", () => {
  it("adds matrices under free ids", () => {
    const [one, a] = addMatrix(journey, blankMatrix());
    const [two, b] = addMatrix(one, blankMatrix());
    expect([a, b]).toEqual(["matrix", "matrix-2"]);
    expect(two.matrices.map((m) => m.id)).toEqual(["matrix", "matrix-2"]);
    expect(two.matrices[0]?.quadrants.map((q) => q.name)).toEqual([
      "Top left",
      "Top right",
      "Bottom left",
      "Bottom right",
    ]);
  });

  it("removing a matrix makes the plays its quadrants triggered manual", () => {
    const [j] = addMatrix(journey, blankMatrix());
    expect(playsOf(j, "matrix")).toEqual(["Success plan"]);
    const gone = removeMatrix(j, "matrix");
    expect(gone.matrices).toEqual([]);
    expect(gone.activities.map((a) => a.trigger?.kind)).toEqual(["manual", "stage_entered"]);
  });
});
