import { describe, expect, it } from "vitest";
import { frameworkCheck } from "./check";
import {
  addActivity,
  addMilestone,
  addRole,
  connect,
  updateActivity,
  updateMilestone,
} from "./ops";
import { blankJourney } from "./testing";

describe("frameworkCheck", () => {
  it("flags each thing the framework asks to question, and stops once it is fixed", () => {
    let j = blankJourney("J");
    [j] = addMilestone(j, "stage-1", "First value");
    [j] = addActivity(j, "stage-1", "Kickoff");
    [j] = addRole(j, "CSM");
    const rules = (x: typeof j) => frameworkCheck(x).map((f) => `${f.rule}:${f.id}`);
    expect(rules(j)).toEqual([
      "stage-without-metric:stage-1",
      "milestone-without-criteria:first-value",
      "activity-supports-nothing:kickoff",
      "activity-without-role:kickoff",
      "role-owns-nothing:csm",
    ]);
    j = connect(j, "kickoff", "first-value");
    j = updateActivity(j, "kickoff", { role: "csm" });
    j = updateMilestone(j, "first-value", {
      criteria: [{ event: "login", aggregate: "count", op: ">=", value: 1, window_days: null }],
    });
    expect(rules(j)).toEqual(["stage-without-metric:stage-1"]);
  });

  it("names the item in words a workshop understands", () => {
    let j = blankJourney("J");
    [j] = addActivity(j, "stage-1", "Quarterly review");
    const f = frameworkCheck(j).find((x) => x.rule === "activity-supports-nothing");
    expect(f?.message).toBe(
      "“Quarterly review” supports no milestone: what does it contribute to moving customers forward?",
    );
  });
});
