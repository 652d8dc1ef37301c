import { describe, expect, it } from "vitest";
import billing from "../../../../crates/milepost/templates/billing-saas.json";
import type { Journey } from "../../bindings/Journey";
import {
  addCapability,
  addPhase,
  movePhase,
  peersOf,
  raisePeerKey,
  removePhase,
  setPeers,
  togglePeerKey,
} from "./model";

const j = billing as unknown as Journey;

describe("editing the value model", () => {
  it("orders peer keys most important first and never lets k below 3", () => {
    const start = setPeers(j, { keys: ["segment"] });
    const two = togglePeerKey(start, "plan", true);
    expect(peersOf(two).keys).toEqual(["segment", "plan"]);
    expect(peersOf(raisePeerKey(two, "plan")).keys).toEqual(["plan", "segment"]);
    expect(peersOf(raisePeerKey(two, "segment")).keys).toEqual(["segment", "plan"]);
    expect(peersOf(togglePeerKey(two, "segment", false)).keys).toEqual(["plan"]);
    expect(peersOf(setPeers(two, { k: 1 })).k).toBe(3);
    expect(peersOf(setPeers(two, { k: 7 })).k).toBe(7);
  });

  it("adds phases and capabilities with unique ids and a criterion, and removes a phase whole", () => {
    const [withPhase, id] = addPhase(j, "Foundation");
    expect(id).not.toBe("foundation");
    expect(id).toMatch(/^foundation-\d$/);
    const [withCap, capId] = addCapability(withPhase, id, "Scheduled reports");
    const cap = withCap.capabilities?.find((c) => c.id === capId);
    expect(cap?.phase).toBe(id);
    expect(cap?.criteria).toEqual([
      {
        event: "scheduled_reports_enabled",
        aggregate: "count",
        op: ">=",
        value: 1,
        window_days: null,
      },
    ]);
    const gone = removePhase(withCap, id);
    expect(gone.phases?.some((p) => p.id === id)).toBe(false);
    expect(gone.capabilities?.some((c) => c.phase === id)).toBe(false);
    expect(gone.capabilities?.length).toBe(j.capabilities?.length);
  });

  it("moves a phase earlier or later, and not past either end", () => {
    const ids = (x: Journey) => (x.phases ?? []).map((p) => p.id);
    const first = ids(j)[0] as string;
    const second = ids(j)[1] as string;
    expect(ids(movePhase(j, second, -1)).slice(0, 2)).toEqual([second, first]);
    expect(movePhase(j, first, -1)).toBe(j);
  });
});
