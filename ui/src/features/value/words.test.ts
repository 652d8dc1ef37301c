import { describe, expect, it } from "vitest";
import type { MetricValue } from "../../bindings/MetricValue";
import type { ValueReport } from "../../bindings/ValueReport";
import { adoptionShares, metricSentence, peerWords, sortCustomers } from "./words";

const metric = (over: Partial<MetricValue>): MetricValue => ({
  metric: "ar",
  name: "AR days",
  unit: "days",
  direction: "lower",
  baseline: 57.3,
  current: 61,
  target: 45,
  improvement: -3.7,
  peer_group: {
    keys: { segment: "Enterprise", tenure: "12+ months" },
    n: 79,
    source: "this workspace",
  },
  peer_p50: 22.7,
  peer_p75: 28.75,
  peer_p90: 33.44,
  percentile: 1.9,
  gap_to_p50: 26.4,
  gap_to_p75: 32.45,
  leakage: 32.45,
  leakage_money: 6372.7,
  reason: null,
  ...over,
});

describe("value in words", () => {
  it("says where a metric went and what good peers achieve", () => {
    expect(metricSentence(metric({}))).toBe(
      "AR days 57.3 → 61 days (3.7 days worse; lower is better). Peers improved 22.7 at the median, 28.8 at p75 and 33.4 at the best 10 %.",
    );
    expect(peerWords(metric({}))).toBe("segment Enterprise · tenure 12+ months (79 customers)");
    expect(
      metricSentence(metric({ improvement: null, peer_p50: null, reason: "no baseline" })),
    ).toBe("AR days 61 days; not compared: no baseline.");
  });

  it("ranks and sorts customers, and shares adoption among those shown", () => {
    const c = (id: string, segment: string, leak: number | null, adopted: string[]) =>
      ({ customer_id: id, name: id.toUpperCase(), segment, leakage_money: leak, adopted }) as never;
    const r = {
      customers: [
        c("a", "SMB", 10, ["x"]),
        c("b", "ENT", 300, ["x", "y"]),
        c("c", "SMB", null, []),
      ],
    } as unknown as ValueReport;
    expect(sortCustomers(r.customers, "leakage", true).map((x) => x.customer_id)).toEqual([
      "b",
      "a",
      "c",
    ]);
    expect(sortCustomers(r.customers, "leakage", false).map((x) => x.customer_id)).toEqual([
      "c",
      "a",
      "b",
    ]);
    // Equal segments keep a stable order by id.
    expect(sortCustomers(r.customers, "segment", false).map((x) => x.customer_id)).toEqual([
      "b",
      "a",
      "c",
    ]);
    expect(sortCustomers(r.customers, "name", true).map((x) => x.customer_id)).toEqual([
      "c",
      "b",
      "a",
    ]);
    expect(adoptionShares(r.customers).get("x")).toBeCloseTo(2 / 3);
    expect(adoptionShares(r.customers.filter((x) => x.segment === "SMB")).get("x")).toBe(0.5);
  });
});
