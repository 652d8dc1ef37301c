import { describe, expect, it } from "vitest";
import type { CustomerRow } from "../../bindings/CustomerRow";
import { filterAndSort } from "./CustomersTable";

const row = (id: string, patch: Partial<CustomerRow> = {}): CustomerRow => ({
  id,
  name: null,
  segment: null,
  plan: null,
  owner: null,
  arr: null,
  arr_text: null,
  start_date: null,
  churn_date: null,
  events: 0,
  last_event: null,
  ...patch,
});

describe("filterAndSort", () => {
  const rows = [
    row("C10", { name: "Blue Motors", arr: 500, owner: "Ana Ruiz" }),
    row("C2", { name: "Harbor Foods", arr: 12000 }),
    row("C1", { name: "Atlas Dental", owner: "Ben Okafor" }),
  ];

  it("sorts ids naturally and numbers by value, empty values last", () => {
    expect(filterAndSort(rows, "", { key: "id", desc: false }).map((r) => r.id)).toEqual([
      "C1",
      "C2",
      "C10",
    ]);
    expect(filterAndSort(rows, "", { key: "arr", desc: true }).map((r) => r.id)).toEqual([
      "C2",
      "C10",
      "C1",
    ]);
    expect(filterAndSort(rows, "", { key: "arr", desc: false }).map((r) => r.id)).toEqual([
      "C10",
      "C2",
      "C1",
    ]);
  });

  it("searches id, name and owner without caring about case", () => {
    expect(filterAndSort(rows, "ana", { key: "id", desc: false }).map((r) => r.id)).toEqual([
      "C10",
    ]);
    expect(filterAndSort(rows, "c1", { key: "id", desc: false }).map((r) => r.id)).toEqual([
      "C1",
      "C10",
    ]);
    expect(filterAndSort(rows, "dental", { key: "id", desc: false })).toHaveLength(1);
  });
});
