// The value view's numbers in words, as a CS leader reads them to a customer: pure, so
// they are tested without the app.
import type { CustomerValue } from "../../bindings/CustomerValue";
import type { MetricValue } from "../../bindings/MetricValue";
import type { ValueReport } from "../../bindings/ValueReport";

const one = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

export function num(n: number | null | undefined): string {
  return n == null ? "—" : one.format(Math.abs(n) < 0.05 ? 0 : n);
}

export function money(n: number | null | undefined): string {
  return n == null ? "—" : whole.format(n);
}

/** "Enterprise · 12+ months (79 customers)", or "every customer (2,000)". */
export function peerWords(m: MetricValue): string {
  const g = m.peer_group;
  if (!g) return "";
  const keys = Object.values(g.keys);
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

/** Leakage per segment, most first. */
export function bySegment(
  r: ValueReport,
): { segment: string; customers: number; leakage: number }[] {
  const out = new Map<string, { customers: number; leakage: number }>();
  for (const c of r.customers) {
    const key = c.segment ?? "—";
    const row = out.get(key) ?? { customers: 0, leakage: 0 };
    row.customers += 1;
    row.leakage += c.leakage_money ?? 0;
    out.set(key, row);
  }
  return [...out].map(([segment, v]) => ({ segment, ...v })).sort((a, b) => b.leakage - a.leakage);
}

/** Customers by money left on the table, most first; those without a money value last. */
export function byLeakage(r: ValueReport): CustomerValue[] {
  return [...r.customers].sort((a, b) => (b.leakage_money ?? -1) - (a.leakage_money ?? -1));
}

/** Per capability, the share of all customers that adopted it. */
export function adoptionShares(r: ValueReport): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of r.customers) for (const a of c.adopted) counts.set(a, (counts.get(a) ?? 0) + 1);
  const n = r.customers.length || 1;
  return new Map([...counts].map(([k, v]) => [k, v / n]));
}
