import { describe, expect, it } from "vitest";
import type { Journey } from "../../bindings/Journey";
import { blankJourney } from "../editor/testing";
import {
  cast,
  closeRound,
  dotsUsed,
  openRound,
  refusal,
  startRound,
  takeBack,
  tally,
} from "./rules";

function room(dots: number, anonymous = false): Journey {
  const j = blankJourney("Workshop");
  j.stages[0]?.milestones.push(
    { id: "m1", name: "Go-live", criteria: [], tasks: [] } as never,
    { id: "m2", name: "First value", criteria: [], tasks: [] } as never,
  );
  j.workshop = {
    participants: ["Ana", "Ben", "Chloé"].map((name, i) => ({
      id: `p${i + 1}`,
      name,
      color: "#4338ca",
    })),
    decisions: [],
  };
  return startRound(j, "Which milestones matter most?", dots, anonymous);
}

const m1 = { kind: "milestone", id: "m1" } as const;
const m2 = { kind: "milestone", id: "m2" } as const;

describe("dot voting", () => {
  it("holds each participant to their dots and tallies by card, most first", () => {
    let j = room(2);
    j = cast(j, "p1", m1);
    j = cast(j, "p1", m2);
    const full = cast(j, "p1", m2);
    expect(full).toBe(j);
    expect(refusal(j, "p1", m2)).toBe("Ana has placed all 2 dots of this round.");
    j = cast(j, "p2", m2);
    j = cast(j, "p3", m2);
    const t = tally(j, openRound(j) as NonNullable<ReturnType<typeof openRound>>);
    expect(t.map((c) => [c.key, c.dots])).toEqual([
      ["milestone:m2", 3],
      ["milestone:m1", 1],
    ]);
    expect(t[0]?.by.map((b) => b.participant.name)).toEqual(["Ana", "Ben", "Chloé"]);
    // Taking a dot back frees it.
    j = takeBack(j, "p1", m2);
    expect(dotsUsed(openRound(j) as never, "p1")).toBe(1);
    expect(refusal(j, "p1", m2)).toBeNull();
  });

  it("refuses strangers and cards not on the board, and keeps counts without names when anonymous", () => {
    let j = room(3, true);
    expect(refusal(j, "p9", m1)).toBe("That name is not on the list of participants.");
    expect(refusal(j, "p1", { kind: "activity", id: "gone" })).toBe(
      "That card is not on the board any more.",
    );
    j = cast(cast(j, "p1", m1), "p2", m1);
    const [card] = tally(j, openRound(j) as never);
    expect(card?.dots).toBe(2);
    expect(card?.by).toEqual([]);
  });

  it("closes a round with its results kept; a new round starts empty", () => {
    let j = cast(room(3), "p1", m1);
    j = closeRound(j);
    expect(openRound(j)).toBeNull();
    expect(refusal(j, "p1", m1)).toBe("No voting round is open.");
    expect(cast(j, "p1", m1)).toBe(j);
    j = startRound(j, "Round 2", 5, false);
    expect(j.workshop?.rounds?.map((r) => [r.id, r.closed, r.votes.length])).toEqual([
      ["r1", true, 1],
      ["r2", false, 0],
    ]);
  });
});
