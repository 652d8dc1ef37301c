import { describe, expect, it } from "vitest";
import type { Stage } from "../../bindings/Stage";
import { healthBands } from "./describe";

const stage = (patch: Partial<Stage>): Stage => ({ id: "s", name: "S", milestones: [], ...patch });

describe("healthBands", () => {
  it("puts the colour thresholds in days of the stage's expected duration", () => {
    const s = stage({
      expected_days: 45,
      health: { grey_after_percent: 80, red_after_percent: 100, metrics: [] },
    });
    expect(healthBands(s)).toEqual({ green: "≤ 36 d", grey: "≤ 45 d", red: "> 45 d", metrics: 0 });
  });

  it("falls back to percentages without a duration and counts colouring metrics", () => {
    const s = stage({ health: { red_after_percent: 150, metrics: ["a", "b"] } });
    expect(healthBands(s)).toEqual({ green: "≤ 150 %", grey: "—", red: "> 150 %", metrics: 2 });
  });

  it("is null for a stage without health rules", () => {
    expect(healthBands(stage({}))).toBeNull();
  });
});
