import { describe, expect, it } from "vitest";
import { timeAgo } from "./time";

describe("timeAgo", () => {
  const now = new Date("2026-11-23T12:00:00Z");
  it("speaks in the largest whole unit", () => {
    expect(timeAgo("2026-11-23T11:59:30Z", now)).toBe("just now");
    expect(timeAgo("2026-11-23T11:55:00Z", now)).toBe("5 minutes ago");
    expect(timeAgo("2026-11-23T11:00:00Z", now)).toBe("1 hour ago");
    expect(timeAgo("2026-11-20T12:00:00Z", now)).toBe("3 days ago");
  });
  it("gives a date beyond a month", () => {
    expect(timeAgo("2026-01-02T12:00:00Z", now)).toMatch(/2026/);
  });
});
