import { describe, expect, it } from "vitest";
import { copyItem, pasteItems } from "./clipboard";
import { addActivity, addMilestone, addNote, addStage, connect } from "./ops";
import { blankJourney } from "./testing";

describe("copy and paste", () => {
  it("pastes a play next to the original with a new id and its milestone links", () => {
    let j = blankJourney("J");
    [j] = addMilestone(j, "stage-1", "First value");
    [j] = addActivity(j, "stage-1", "Kickoff");
    j = connect(j, "kickoff", "first-value");
    const [out, made] = pasteItems(j, copyItem(j, "activity", "kickoff"));
    expect(made).toEqual(["activity:kickoff-2"]);
    expect(out.activities.map((a) => [a.id, a.stage, a.milestones])).toEqual([
      ["kickoff", "stage-1", ["first-value"]],
      ["kickoff-2", "stage-1", ["first-value"]],
    ]);
  });

  it("pastes a stage after the original, with copies of its milestones", () => {
    let j = blankJourney("J");
    [j] = addStage(j, "Adopt");
    [j] = addMilestone(j, "stage-1", "First value");
    const [out] = pasteItems(j, copyItem(j, "stage", "stage-1"));
    expect(out.stages.map((s) => [s.id, s.milestones.map((m) => m.id)])).toEqual([
      ["stage-1", ["first-value"]],
      ["stage-1-2", ["first-value-2"]],
      ["adopt", []],
    ]);
  });

  it("drops links to things that no longer exist and offsets pasted notes", () => {
    let j = blankJourney("J");
    [j] = addMilestone(j, "stage-1", "M");
    [j] = addActivity(j, "stage-1", "A");
    j = connect(j, "a", "m");
    [j] = addNote(j, 10, 20);
    const clips = [...copyItem(j, "activity", "a"), ...copyItem(j, "note", "note-1")];
    const gone = { ...j, stages: j.stages.map((s) => ({ ...s, milestones: [] })) };
    const [out] = pasteItems(gone, clips);
    expect(out.activities[1]?.milestones).toEqual([]);
    expect(out.notes[1]).toMatchObject({ x: 42, y: 52 });
  });
});
