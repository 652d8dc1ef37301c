import { describe, expect, it } from "vitest";
import { plural } from "./text";

describe("plural", () => {
  it("counts with thousands separators, as the rest of the app writes numbers", () => {
    expect(plural(1, "customer")).toBe("1 customer");
    expect(plural(2000, "customer")).toBe("2,000 customers");
    expect(plural(687449, "event")).toBe("687,449 events");
  });
});
