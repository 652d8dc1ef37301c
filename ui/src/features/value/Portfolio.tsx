// The value portfolio: the money the active customers leave on the table, by segment and
// by stage (a row filters the list), and the customers sortable by every column. Every
// number is the core's text.
import { type ReactNode, useMemo, useState } from "react";
import type { ValueReport } from "../../bindings/ValueReport";
import { count } from "../../components/text";
import { type SortKey, sortCustomers } from "./sort";

const ROWS = 200;

/** A filter on the portfolio: one segment or one stage, picked from its table. */
type Slicer = { kind: "segment" | "stage"; key: string; name: string } | null;

const COLUMNS: { key: SortKey; label: string; numeric?: boolean }[] = [
  { key: "name", label: "Customer" },
  { key: "segment", label: "Segment" },
  { key: "stage", label: "Stage" },
  { key: "phase", label: "Phase" },
  { key: "leakage", label: "Left on the table / year", numeric: true },
];

/** One slice table (by segment, by stage): click a row to show only its customers. */
function SliceTable(props: {
  title: string;
  kind: "segment" | "stage";
  slices: ValueReport["by_segment"];
  slicer: Slicer;
  onSlice: (s: Slicer) => void;
}) {
  const { kind, slicer } = props;
  return (
    <table className="funnel-table value-slices" data-testid={`value-by-${kind}`}>
      <thead>
        <tr>
          <th>{props.title}</th>
          <th className="numeric">Active customers</th>
          <th className="numeric">Left / year</th>
        </tr>
      </thead>
      <tbody>
        {props.slices
          .filter((s) => s.customers > 0)
          .map((s) => {
            const on = slicer?.kind === kind && slicer.key === s.key;
            return (
              <tr key={s.key} className={on ? "chosen" : ""}>
                <td>
                  <button
                    type="button"
                    className="link-button"
                    aria-pressed={on}
                    title={on ? "Show every customer" : `Show only ${s.name}`}
                    onClick={() => props.onSlice(on ? null : { kind, key: s.key, name: s.name })}
                  >
                    {s.name}
                  </button>
                </td>
                <td className="numeric" data-testid="slice-customers">
                  {count(s.customers)}
                </td>
                <td className="numeric" data-testid="slice-money">
                  {s.leakage_text}
                </td>
              </tr>
            );
          })}
      </tbody>
    </table>
  );
}

export function Portfolio(props: {
  report: ValueReport;
  current: string | null;
  onPick: (customer: string) => void;
  /** List the churned customers instead of the active ones. */
  churned: boolean;
  /** The review of the customer picked, else of the first shown. */
  review: (customer: string) => ReactNode;
}) {
  const { report } = props;
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: "leakage", desc: true });
  const [slicer, setSlicer] = useState<Slicer>(null);
  // Churned customers (when the report lists them) are shown on their own, never mixed
  // into the customers value is about.
  const shown = useMemo(() => {
    const listed = report.customers.filter((c) => (c.churned != null) === props.churned);
    const sliced =
      slicer && !props.churned
        ? listed.filter(
            (c) => (slicer.kind === "segment" ? (c.segment ?? "") : (c.stage ?? "")) === slicer.key,
          )
        : listed;
    return sortCustomers(sliced, sort.key, sort.desc);
  }, [report, slicer, sort, props.churned]);
  const sortBy = (key: SortKey) =>
    setSort((s) => (s.key === key ? { key, desc: !s.desc } : { key, desc: key === "leakage" }));
  const current =
    shown.find((c) => c.customer_id === props.current)?.customer_id ??
    shown[0]?.customer_id ??
    null;

  return (
    <div className="value-grid">
      <section className="panel-card">
        <h2>
          Value left on the table{" "}
          <span className="value-big" data-testid="value-total">
            {report.leakage_text}
          </span>{" "}
          <span className="muted">a year, {count(report.active)} active customers</span>
        </h2>
        <div className="value-slices-row">
          {(["segment", "stage"] as const).map((kind) => (
            <SliceTable
              key={kind}
              title={kind === "segment" ? "Segment" : "Stage"}
              kind={kind}
              slices={kind === "segment" ? report.by_segment : report.by_stage}
              slicer={slicer}
              onSlice={setSlicer}
            />
          ))}
        </div>
        {slicer && (
          <p className="value-filter" data-testid="value-filter">
            Showing the {count(shown.length)} customers {slicer.kind === "segment" ? "of" : "in"}{" "}
            <strong>{slicer.name}</strong>{" "}
            <button type="button" className="link-button" onClick={() => setSlicer(null)}>
              Show all
            </button>
          </p>
        )}
        <table className="funnel-table value-customers" data-testid="value-portfolio">
          <thead>
            <tr>
              {COLUMNS.map((col) => (
                <th
                  key={col.key}
                  className={col.numeric ? "numeric" : undefined}
                  aria-sort={
                    sort.key === col.key ? (sort.desc ? "descending" : "ascending") : undefined
                  }
                >
                  <button
                    type="button"
                    className="link-button sort-button"
                    onClick={() => sortBy(col.key)}
                    data-testid={`sort-${col.key}`}
                  >
                    {col.label}
                    {sort.key === col.key ? (sort.desc ? " ▼" : " ▲") : ""}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, ROWS).map((c) => (
              <tr
                key={c.customer_id}
                className={[
                  current === c.customer_id ? "chosen" : "",
                  c.churned ? "churned-row" : "",
                ].join(" ")}
                onClick={() => props.onPick(c.customer_id)}
                data-testid="value-row"
                data-customer={c.customer_id}
                data-churned={c.churned ?? undefined}
              >
                <td>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => props.onPick(c.customer_id)}
                  >
                    {c.name ?? c.customer_id}
                  </button>
                </td>
                <td>{c.segment ?? "—"}</td>
                <td>{c.churned ? `Churned ${c.churned}` : (c.stage_name ?? "—")}</td>
                <td>{c.phase_name ?? "—"}</td>
                <td className="numeric">{c.leakage_text}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {shown.length > ROWS && (
          <p className="muted">
            The first {ROWS} of {count(shown.length)}; Export CSV… has them all.
          </p>
        )}
      </section>
      {current && props.review(current)}
    </div>
  );
}
