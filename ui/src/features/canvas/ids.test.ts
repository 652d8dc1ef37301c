import { describe, expect, it } from "vitest";
import { itemOf, nodeId, supportEdgeId, supportOf } from "./ids";

describe("canvas ids", () => {
  it("map back to the journey object they show", () => {
    expect(itemOf(nodeId("milestone", "first-cycle"))).toEqual({
      kind: "milestone",
      id: "first-cycle",
    });
    expect(itemOf("role:csm@stage:onboard")).toEqual({ kind: "role", id: "csm" });
    expect(itemOf("role:a@b@unassigned")).toEqual({ kind: "role", id: "a@b" });
    expect(itemOf("band:milestones")).toBeNull();
    expect(itemOf("add:milestones@s1")).toBeNull();
    expect(supportOf(supportEdgeId("kick-off", "m-1"))).toEqual({
      activity: "kick-off",
      milestone: "m-1",
    });
    expect(supportOf("stage:x")).toBeNull();
  });
});
