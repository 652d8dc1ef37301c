// The portfolio's order: pure, so it is tested without the app. Only the order is worked
// out here; every number and sentence comes from the core.
import type { CustomerValue } from "../../bindings/CustomerValue";

export type SortKey = "name" | "segment" | "stage" | "phase" | "leakage";

/** The portfolio sorted by a column; text columns A→Z and money most first when `desc`
 * is their natural order, ties by customer id so the order never jumps. Churned customers
 * (listed on request) come after the active ones, whatever the column. */
export function sortCustomers(
  customers: CustomerValue[],
  key: SortKey,
  desc: boolean,
): CustomerValue[] {
  const text = (c: CustomerValue): string =>
    key === "name"
      ? (c.name ?? c.customer_id)
      : key === "segment"
        ? (c.segment ?? "")
        : key === "stage"
          ? (c.stage_name ?? "")
          : (c.phase_name ?? "");
  const sign = desc ? -1 : 1;
  return [...customers].sort((a, b) => {
    const churned = Number(a.churned != null) - Number(b.churned != null);
    if (churned !== 0) return churned;
    const by =
      key === "leakage"
        ? (a.leakage_money ?? -1) - (b.leakage_money ?? -1)
        : text(a).localeCompare(text(b), "en", { sensitivity: "base", numeric: true });
    return by !== 0 ? sign * by : a.customer_id.localeCompare(b.customer_id);
  });
}
