import { describe, expect, it } from "vitest";
import { parseColumns } from "./WarehouseDialog";

describe("the columns named otherwise", () => {
  it("reads one name=yours a line (or a comma), trimmed, skipping what is not a pair", () => {
    expect(
      parseColumns("events.event = event_name\n events.ts=occurred_at ,\n\nbroken\n=x"),
    ).toEqual({
      "events.event": "event_name",
      "events.ts": "occurred_at",
    });
  });
});
