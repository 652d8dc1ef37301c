import { describe, expect, it } from "vitest";
import { roughLines, wrapLines } from "./measure";

// A monospaced stand-in for the canvas: every character is 10 px wide.
const mono = (s: string) => s.length * 10;

describe("wrapLines", () => {
  it("keeps text that fits on one line", () => {
    expect(wrapLines("Kickoff call", 200, mono)).toBe(1);
    expect(wrapLines("", 200, mono)).toBe(0);
  });

  it("wraps at spaces, not counting the trailing space against the line", () => {
    // "aaaa " + "bbbb" is 9 characters visible: fits 90 px exactly.
    expect(wrapLines("aaaa bbbb", 90, mono)).toBe(1);
    expect(wrapLines("aaaa bbbb cccc", 90, mono)).toBe(2);
  });

  it("wraps event names after underscores", () => {
    expect(wrapLines("billing_cycle_completed", 140, mono)).toBe(2);
  });

  it("breaks a word longer than the line anywhere", () => {
    expect(wrapLines("x".repeat(25), 100, mono)).toBe(3);
    expect(wrapLines(`${"x".repeat(25)} yy`, 100, mono)).toBe(3);
  });
});

describe("roughLines", () => {
  it("estimates from an average character width", () => {
    expect(roughLines("", "title", 200)).toBe(0);
    expect(roughLines("short", "title", 200)).toBe(1);
    expect(roughLines("a much longer milestone name that wraps", "title", 200)).toBe(2);
  });
});
