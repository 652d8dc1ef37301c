import { describe, expect, it } from "vitest";
import { count } from "../../components/text";
import { clock, rate } from "./format";

describe("data formats", () => {
  it("writes counts with thousands separators and clocks as m:ss", () => {
    expect(count(1008543)).toBe("1,008,543");
    expect(clock(42)).toBe("0:42");
    expect(clock(185)).toBe("3:05");
    expect(clock(3730)).toBe("1:02:10");
  });

  it("estimates the time left from the share of the file read", () => {
    const r = rate(250_000, 25, 100, 2);
    expect(r.perSecond).toBe(125_000);
    expect(r.fraction).toBe(0.25);
    expect(r.eta).toBe(6);
    expect(rate(0, 0, 100, 0).eta).toBeNull();
    expect(rate(10, 100, 100, 1).eta).toBeNull();
  });
});
