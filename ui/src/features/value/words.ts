// The value view's numbers in words, as a CS leader reads them to a customer: pure, so
// they are tested without the app.
import type { CustomerValue } from "../../bindings/CustomerValue";
import type { MetricValue } from "../../bindings/MetricValue";

const one = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

export function num(n: number | null | undefined): string {
  return n == null ? "—" : one.format(Math.abs(n) < 0.05 ? 0 : n);
}

export function money(n: number | null | undefined): string {
  return n == null ? "—" : whole.format(n);
}

/** "segment Enterprise · tenure 12+ months (79 customers)", or "every customer (2,000)". */
export function peerWords(m: MetricValue): string {
  const g = m.peer_group;
  if (!g) return "";
  const keys = Object.entries(g.keys).map(([k, v]) => `${k === "arr_band" ? "ARR band" : k} ${v}`);
  const who = keys.length === 0 ? "every customer" : keys.join(" · ");
  return `${who} (${whole.format(g.n)} customers)`;
}

/** What a metric says, in one sentence: where it went and what good peers achieve. */
export function metricSentence(m: MetricValue): string {
  const unit = m.unit ? ` ${m.unit}` : "";
  if (m.improvement == null || m.peer_p50 == null) {
    const now = m.current == null ? "" : `${m.name} ${num(m.current)}${unit}; `;
    return `${now}not compared: ${m.reason ?? "no data"}.`;
  }
  const better = m.direction === "lower" ? "lower" : "higher";
  const moved =
    m.improvement === 0
      ? "no change"
      : m.improvement > 0
        ? `${num(m.improvement)}${unit} better`
        : `${num(-m.improvement)}${unit} worse`;
  return `${m.name} ${num(m.baseline)} → ${num(m.current)}${unit} (${moved}; ${better} is better). Peers improved ${num(m.peer_p50)} at the median, ${num(m.peer_p75)} at p75 and ${num(m.peer_p90)} at the best 10 %.`;
}

/** Per capability, the share of `customers` that adopted it. */
export function adoptionShares(customers: CustomerValue[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of customers) for (const a of c.adopted) counts.set(a, (counts.get(a) ?? 0) + 1);
  const n = customers.length || 1;
  return new Map([...counts].map(([k, v]) => [k, v / n]));
}

export type SortKey = "name" | "segment" | "stage" | "phase" | "leakage";

/** The portfolio sorted by a column; text columns A→Z and money most first when `desc`
 * is their natural order, ties by customer id so the order never jumps. */
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
    const by =
      key === "leakage"
        ? (a.leakage_money ?? -1) - (b.leakage_money ?? -1)
        : text(a).localeCompare(text(b), "en", { sensitivity: "base", numeric: true });
    return by !== 0 ? sign * by : a.customer_id.localeCompare(b.customer_id);
  });
}
