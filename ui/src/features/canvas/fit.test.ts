import { describe, expect, it } from "vitest";
import { READABLE_ZOOM, readableFit } from "./fit";

describe("Fit", () => {
  it("never zooms below readable card text, and says how many stages are then in view", () => {
    // Eight stages in a 940-px pane (a 1280-px window with the panel open): a third of
    // the board at a readable zoom, never the 29 % that shows everything and nothing.
    const wide = readableFit(940, 8);
    expect(wide.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    expect(wide.inView).toBeGreaterThan(0);
    expect(wide.inView).toBeLessThan(8);
    // Two stages fit whole, larger.
    const narrow = readableFit(940, 2);
    expect(narrow.inView).toBe(2);
    expect(narrow.zoom).toBeGreaterThan(READABLE_ZOOM);
    expect(narrow.zoom).toBeLessThanOrEqual(1.25);
  });
});
