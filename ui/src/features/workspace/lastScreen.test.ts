import { describe, expect, it } from "vitest";
import { parseScreen, toRemember } from "./lastScreen";

describe("the screen reopened at start", () => {
  it("reads back every journey view it wrote", () => {
    for (const s of [
      { kind: "home" },
      { kind: "journey", id: 3 },
      { kind: "funnel", id: 3 },
      { kind: "tasks", id: 3, name: "Billing" },
      { kind: "matrices", id: 7, name: "X" },
      { kind: "value", id: 1, name: "" },
    ] as const) {
      expect(parseScreen(JSON.stringify(s))).toEqual(s);
    }
  });

  it("reopens the data screen as the journey it was opened from", () => {
    expect(toRemember({ kind: "data", from: 4 })).toEqual({ kind: "journey", id: 4 });
    expect(toRemember({ kind: "data" })).toEqual({ kind: "home" });
  });

  it("refuses what it did not write rather than opening nonsense", () => {
    for (const t of [
      "",
      "null",
      "[]",
      '{"kind":"journey"}',
      '{"kind":"journey","id":-1}',
      '{"kind":"journey","id":1.5}',
      '{"kind":"tasks","id":2}',
      '{"kind":"settings","id":2}',
      '{"kind":"data","from":2}',
    ]) {
      expect(parseScreen(t)).toBeNull();
    }
  });
});
