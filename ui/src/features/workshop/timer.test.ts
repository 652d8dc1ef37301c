import { describe, expect, it } from "vitest";
import { clock, extend, left, pause, resume, start } from "./timer";

describe("the workshop timer", () => {
  it("counts down, pauses, resumes, extends and runs over", () => {
    let t = start(1, 15, 1_000);
    expect(clock(left(t, 1_000))).toBe("15:00");
    expect(clock(left(t, 1_500))).toBe("15:00");
    expect(clock(left(t, 2_000))).toBe("14:59");
    t = pause(t, 61_000);
    expect(clock(left(t, 999_999))).toBe("14:00");
    t = resume(t, 1_000_000);
    expect(clock(left(t, 1_000_000 + 30_000))).toBe("13:30");
    t = extend(t, 5);
    expect(clock(left(t, 1_000_000 + 30_000))).toBe("18:30");
    expect(clock(left(t, 1_000_000 + 19 * 60_000 + 12_000))).toBe("+0:12");
    expect(t.step).toBe(1);
  });

  it("extends a paused step too", () => {
    const t = extend(pause(start(0, 1, 0), 30_000), 5);
    expect(clock(left(t, 1e12))).toBe("5:30");
  });
});
