import { describe, expect, it } from "vitest";
import type { Journey } from "../../bindings/Journey";
import {
  addActivity,
  addMilestone,
  addRole,
  addStage,
  connect,
  deleteActivity,
  deleteMilestone,
  deleteRole,
  deleteStage,
  disconnect,
  moveActivity,
  moveMilestone,
  moveRole,
  moveStage,
  newId,
  stageContents,
  stageRoles,
  updateActivity,
  updateStage,
} from "./ops";
import { blankJourney } from "./testing";

function twoStages(): Journey {
  let j = blankJourney("Workshop");
  j = updateStage(j, "stage-1", { name: "Onboard" });
  [j] = addStage(j, "Adopt");
  [j] = addMilestone(j, "stage-1", "First value");
  [j] = addMilestone(j, "adopt", "Healthy usage");
  [j] = addRole(j, "CSM");
  [j] = addActivity(j, "stage-1", "Kickoff");
  j = updateActivity(j, "kickoff", {
    role: "csm",
    trigger: { kind: "milestone_reached", milestone: "first-value" },
  });
  j = connect(j, "kickoff", "first-value");
  return j;
}

describe("journey edits", () => {
  it("makes readable ids that never collide", () => {
    const j = twoStages();
    expect(j.stages.map((s) => s.id)).toEqual(["stage-1", "adopt"]);
    expect(newId(j, "Adopt", "stage")).toBe("adopt-2");
    expect(newId(j, "Réunion d'équipe!", "x")).toBe("reunion-d-equipe");
    expect(newId(j, "!!!", "note")).toBe("note");
  });

  it("reorders stages", () => {
    const j = moveStage(twoStages(), "adopt", 0);
    expect(j.stages.map((s) => s.id)).toEqual(["adopt", "stage-1"]);
  });

  it("moves a milestone to another stage at a position, keeping funnel order", () => {
    const j = moveMilestone(twoStages(), "first-value", "adopt", 1);
    expect(j.stages[0]?.milestones).toEqual([]);
    expect(j.stages[1]?.milestones.map((m) => m.id)).toEqual(["healthy-usage", "first-value"]);
  });

  it("moves a play to another stage", () => {
    let j = twoStages();
    [j] = addActivity(j, "adopt", "EBR");
    j = moveActivity(j, "kickoff", "adopt", 0);
    expect(j.activities.map((a) => [a.id, a.stage])).toEqual([
      ["kickoff", "adopt"],
      ["ebr", "adopt"],
    ]);
  });

  it("connects and disconnects a play and a milestone once", () => {
    let j = connect(twoStages(), "kickoff", "first-value");
    expect(j.activities[0]?.milestones).toEqual(["first-value"]);
    j = disconnect(j, "kickoff", "first-value");
    expect(j.activities[0]?.milestones).toEqual([]);
  });

  it("deleting a milestone removes every reference to it", () => {
    const j = deleteMilestone(twoStages(), "first-value");
    expect(j.activities[0]?.milestones).toEqual([]);
    expect(j.activities[0]?.trigger).toBeUndefined();
  });

  it("deleting a stage says what goes with it and takes it all", () => {
    const j = twoStages();
    expect(stageContents(j, "stage-1")).toEqual({ milestones: 1, activities: 1, metrics: 0 });
    const after = deleteStage(j, "stage-1");
    expect(after.stages.map((s) => s.id)).toEqual(["adopt"]);
    expect(after.activities).toEqual([]);
  });

  it("puts roles on a stage's team by dragging their card, and keeps them where they own plays", () => {
    let j = twoStages();
    [j] = addRole(j, "Support", "stage-1");
    const team = (stage: string) => stageRoles(j, stage).map((r) => r.id);
    expect(team("stage-1")).toEqual(["csm", "support"]);
    // Support moves from Onboard to Adopt.
    j = moveRole(j, "support", "stage-1", "adopt", 0);
    expect(team("stage-1")).toEqual(["csm"]);
    expect(team("adopt")).toEqual(["support"]);
    // The CSM owns a play in Onboard: dragging it to Adopt adds it there, first.
    j = moveRole(j, "csm", "stage-1", "adopt", 0);
    expect(team("stage-1")).toEqual(["csm"]);
    expect(team("adopt")).toEqual(["csm", "support"]);
    // Reorder within Adopt.
    j = moveRole(j, "csm", "adopt", "adopt", 1);
    expect(team("adopt")).toEqual(["support", "csm"]);
    // Deleting a stage takes it off every team.
    j = deleteStage(j, "adopt");
    expect(j.roles.flatMap((r) => r.stages ?? [])).toEqual([]);
  });

  it("deleting a role leaves its plays without an owner", () => {
    const j = deleteRole(twoStages(), "csm");
    expect(j.roles).toEqual([]);
    expect(j.activities[0]?.role).toBeUndefined();
  });

  it("deleting a play clears it from health actions", () => {
    let j = twoStages();
    j = updateStage(j, "stage-1", { health: { metrics: [], red_action: "kickoff" } });
    j = deleteActivity(j, "kickoff");
    expect(j.stages[0]?.health?.red_action).toBeUndefined();
  });

  it("never changes the journey it was given", () => {
    const j = twoStages();
    const copy = structuredClone(j);
    moveMilestone(j, "first-value", "adopt", 0);
    deleteStage(j, "stage-1");
    moveActivity(j, "kickoff", "adopt", 0);
    expect(j).toEqual(copy);
  });
});
