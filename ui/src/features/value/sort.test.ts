import { describe, expect, it } from "vitest";
import type { CustomerValue } from "../../bindings/CustomerValue";
import { sortCustomers } from "./sort";

const customer = (id: string, over: Partial<CustomerValue> = {}): CustomerValue => ({
  customer_id: id,
  name: null,
  segment: null,
  plan: null,
  arr: null,
  arr_text: null,
  churned: null,
  stage: null,
  stage_name: null,
  phase: null,
  phase_name: null,
  leakage_money: null,
  leakage_text: "—",
  metrics: [],
  adopted: [],
  next_capabilities: [],
  ...over,
});

describe("the portfolio's order", () => {
  const list = [
    customer("C3", { name: "beta", leakage_money: 10 }),
    customer("C1", { name: "Alpha", leakage_money: 300 }),
    customer("C9", { name: "Zulu", churned: "2024-09-21" }),
    customer("C2", { name: "alpha 10", leakage_money: 300 }),
    customer("C4", { name: "alpha 9" }),
  ];

  it("puts the most money first, ties by id, customers without money last", () => {
    expect(sortCustomers(list, "leakage", true).map((c) => c.customer_id)).toEqual([
      "C1",
      "C2",
      "C3",
      "C4",
      "C9",
    ]);
  });

  it("sorts names as people read them, and keeps churned customers after the active", () => {
    expect(sortCustomers(list, "name", false).map((c) => c.name)).toEqual([
      "Alpha",
      "alpha 9",
      "alpha 10",
      "beta",
      "Zulu",
    ]);
    expect(sortCustomers(list, "name", true).map((c) => c.name)).toEqual([
      "beta",
      "alpha 10",
      "alpha 9",
      "Alpha",
      "Zulu",
    ]);
  });
});
