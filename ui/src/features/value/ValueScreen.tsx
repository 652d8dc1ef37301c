// Value realisation against peers (seed 001): the portfolio — money left on the table,
// by customer and segment — the capability map, and one customer's value review: each
// value metric against its peers on a percentile strip, in words, and what to unlock next.
import { useEffect, useMemo, useState } from "react";
import type { CustomerValue } from "../../bindings/CustomerValue";
import type { MetricValue } from "../../bindings/MetricValue";
import type { StoredJourney } from "../../bindings/StoredJourney";
import type { ValueReport } from "../../bindings/ValueReport";
import { BackButton } from "../../components/BackButton";
import { ErrorBanner } from "../../components/ErrorBanner";
import { Tabs } from "../../components/Tabs";
import { ThemeButton } from "../../components/ThemeButton";
import { useEscape } from "../../components/useEscape";
import { type AppError, api, toAppError } from "../../ipc";
import { COMPANY_KEY, PAPER_KEY } from "../export/ExportDialog";
import {
  adoptionShares,
  metricSentence,
  money,
  num,
  peerWords,
  type SortKey,
  sortCustomers,
} from "./words";

interface Props {
  id: number;
  name: string;
  onBack: () => void;
}

type Tab = "portfolio" | "capabilities";
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
function SliceTable({
  title,
  kind,
  slices,
  slicer,
  onSlice,
}: {
  title: string;
  kind: "segment" | "stage";
  slices: ValueReport["by_segment"];
  slicer: Slicer;
  onSlice: (s: Slicer) => void;
}) {
  return (
    <table className="funnel-table value-slices" data-testid={`value-by-${kind}`}>
      <thead>
        <tr>
          <th>{title}</th>
          <th className="numeric">Customers</th>
          <th className="numeric">Left / year</th>
        </tr>
      </thead>
      <tbody>
        {slices
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
                    onClick={() => onSlice(on ? null : { kind, key: s.key, name: s.name })}
                  >
                    {s.name}
                  </button>
                </td>
                <td className="numeric">{s.customers.toLocaleString("en-US")}</td>
                <td className="numeric" data-testid="slice-money">
                  {money(s.leakage_money)}
                </td>
              </tr>
            );
          })}
      </tbody>
    </table>
  );
}

/** Where the customer's improvement stands among its peers: 0–100 with p50/p75/p90 marks. */
function Strip({ m }: { m: MetricValue }) {
  if (m.percentile == null) return null;
  return (
    <div
      className="value-strip"
      role="img"
      aria-label={`Percentile ${Math.round(m.percentile)} among peers`}
    >
      {(
        [
          [50, "median", "Peers' median"],
          [75, "p75", "p75: good peers"],
          [90, "p90", "p90: best in class"],
        ] as const
      ).map(([at, label, title]) => (
        <span key={label}>
          <span className="value-strip-mark" style={{ left: `${at}%` }} title={title} />
          <span className="value-strip-label" style={{ left: `${at}%` }} aria-hidden="true">
            {label}
          </span>
        </span>
      ))}
      <span
        className="value-strip-dot"
        style={{ left: `${Math.max(0, Math.min(100, m.percentile))}%` }}
        data-testid="value-percentile"
        data-percentile={m.percentile}
      />
    </div>
  );
}

function Review({
  c,
  journey,
  busy,
  onExport,
}: {
  c: CustomerValue;
  journey: StoredJourney | null;
  busy: boolean;
  onExport: () => void;
}) {
  const phases = journey?.journey.phases ?? [];
  return (
    <section className="panel-card value-review" data-testid="value-review">
      <div className="value-review-head">
        <h2>
          {c.name ?? c.customer_id} <span className="muted">{c.customer_id}</span>
        </h2>
        <button
          type="button"
          className="button"
          onClick={onExport}
          disabled={busy}
          data-testid="export-review"
          title="A one- or two-page PDF for an executive business review"
        >
          {busy ? "Saving…" : "Value review PDF…"}
        </button>
      </div>
      <p className="value-phase">
        {c.segment && <span className="badge">{c.segment}</span>}{" "}
        {c.stage_name && <span className="badge">{c.stage_name}</span>}{" "}
        {c.phase_name ? (
          <>
            Maturity: <strong>{c.phase_name}</strong>
            {phases.find((p) => p.id === c.phase)?.value_driver && (
              <span className="muted"> — {phases.find((p) => p.id === c.phase)?.value_driver}</span>
            )}
          </>
        ) : (
          <span className="muted">Not yet through the first maturity phase</span>
        )}
      </p>
      <p className="value-total">
        Left on the table: <strong data-testid="review-leakage">{money(c.leakage_money)}</strong> a
        year
      </p>
      {c.metrics.map((m) => (
        <div key={m.metric} className="value-metric" data-testid="review-metric">
          <div className="value-metric-head">
            <strong>{m.name}</strong>
            {m.leakage != null && m.leakage > 0 && (
              <span className="value-gap">
                {num(m.leakage)} {m.unit ?? ""} behind good peers
                {m.leakage_money != null && ` · ${money(m.leakage_money)} a year`}
              </span>
            )}
          </div>
          <p>{metricSentence(m)}</p>
          {m.peer_group && (
            <p className="muted">
              Peers: {peerWords(m)} · {m.peer_group.source}
            </p>
          )}
          <Strip m={m} />
        </div>
      ))}
      {c.next_capabilities.length > 0 && (
        <>
          <h3>What to unlock next</h3>
          <ul className="value-next">
            {c.next_capabilities.map((n) => (
              <li key={n.id}>
                {n.peer_share != null ? (
                  <>
                    <strong>{Math.round(n.peer_share * 100)} %</strong> of its peers use{" "}
                    <strong>{n.name}</strong>; it doesn’t.
                  </>
                ) : (
                  <>
                    <strong>{n.name}</strong> is next on the path.
                  </>
                )}
                {n.plays.length > 0 && <span className="muted"> Play: {n.plays.join(", ")}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function ValueScreen({ id, name, onBack }: Props) {
  const [report, setReport] = useState<ValueReport | null | undefined>(undefined);
  const [journey, setJourney] = useState<StoredJourney | null>(null);
  const [imported, setImported] = useState(false);
  const [tab, setTab] = useState<Tab>("portfolio");
  const [picked, setPicked] = useState<string | null>(null);
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({
    key: "leakage",
    desc: true,
  });
  const [slicer, setSlicer] = useState<Slicer>(null);
  const [peers, setPeers] = useState<string>("");
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  useEscape(onBack);

  useEffect(() => {
    let live = true;
    api.openJourney(id).then(
      (j) => live && setJourney(j),
      (e) => live && setError(toAppError(e)),
    );
    return () => {
      live = false;
    };
  }, [id]);

  useEffect(() => {
    let live = true;
    setError(null);
    api.journeyValue(id, imported).then(
      (r) => live && setReport(r),
      (e) => live && setError(toAppError(e)),
    );
    return () => {
      live = false;
    };
  }, [id, imported]);

  const shown = useMemo(() => {
    const all = report?.customers ?? [];
    const sliced = slicer
      ? all.filter((c) =>
          slicer.kind === "segment"
            ? (c.segment ?? "") === slicer.key
            : (c.stage ?? "") === slicer.key,
        )
      : all;
    return sortCustomers(sliced, sort.key, sort.desc);
  }, [report, slicer, sort]);
  const peerCustomers = useMemo(
    () => (report?.customers ?? []).filter((c) => !peers || (c.segment ?? "") === peers),
    [report, peers],
  );
  const shares = useMemo(() => adoptionShares(peerCustomers), [peerCustomers]);
  const total = (report?.customers ?? []).reduce((a, c) => a + (c.leakage_money ?? 0), 0);
  const current = report?.customers.find((c) => c.customer_id === picked) ?? shown[0] ?? null;
  const j = journey?.journey;

  function sortBy(key: SortKey) {
    setSort((s) => (s.key === key ? { key, desc: !s.desc } : { key, desc: key === "leakage" }));
  }

  async function run(what: () => Promise<string | null>) {
    setBusy(true);
    setError(null);
    try {
      const path = await what();
      if (path) setNotice(path);
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  }

  const exportReview = (c: CustomerValue) =>
    run(async () => {
      const path = await api.pickSavePath(
        `Value review - ${(c.name ?? c.customer_id).replace(/[\\/:*?"<>|]/g, "")}.pdf`,
        "PDF",
        "pdf",
      );
      if (!path) return null;
      await api.exportValueReview(
        id,
        c.customer_id,
        imported,
        {
          paper: localStorage.getItem(PAPER_KEY) === "letter" ? "letter" : "a4",
          company: localStorage.getItem(COMPANY_KEY)?.trim() || null,
        },
        path,
      );
      return path;
    });

  const exportCsv = () =>
    run(async () => {
      const path = await api.pickSavePath(`Value portfolio - ${name}.csv`, "CSV", "csv");
      if (!path) return null;
      await api.exportValueCsv(id, imported, path);
      return path;
    });

  return (
    <div className="journey-screen value-screen">
      <header className="topbar">
        <BackButton label="Journey" onBack={onBack} />
        <div className="topbar-title">
          <h1>Value — {name}</h1>
          {report && (
            <span className="data-meta" data-testid="value-meta">
              as of {report.as_of} · peers by {report.keys.join(" → ") || "everyone"}, groups of at
              least {report.k} · measured against {report.reference}
            </span>
          )}
        </div>
        <div className="topbar-actions">
          <label
            className="checkbox"
            title="Compare with benchmarks imported from another workspace"
          >
            <input
              type="checkbox"
              checked={imported}
              onChange={(e) => setImported(e.target.checked)}
            />
            Imported peers
          </label>
          <button
            type="button"
            className="button"
            onClick={exportCsv}
            disabled={!report || busy}
            data-testid="export-value-csv"
          >
            Export CSV…
          </button>
          <ThemeButton />
        </div>
      </header>
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {notice && (
        <div className="value-notice" role="status" data-testid="value-notice">
          <span>
            Saved to <span data-testid="value-saved">{notice}</span>
          </span>
          <button type="button" className="link-button" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </div>
      )}
      <Tabs
        label="Value views"
        active={tab}
        onSelect={(t) => setTab(t as Tab)}
        items={[
          { id: "portfolio", label: "Portfolio", testId: "tab-portfolio" },
          { id: "capabilities", label: "Capability map", testId: "tab-capabilities" },
        ]}
      />
      <main className="funnel-main value-main">
        {report === undefined && !error && <p className="muted">Working out the value…</p>}
        {report === null && (
          <p className="muted">Import customer data to see the value each customer realises.</p>
        )}
        {report && tab === "portfolio" && (
          <div className="value-grid">
            <section className="panel-card">
              <h2>
                Value left on the table{" "}
                <span className="value-big" data-testid="value-total">
                  {money(total)}
                </span>{" "}
                <span className="muted">
                  a year, {report.customers.length.toLocaleString("en-US")} customers
                </span>
              </h2>
              <div className="value-slices-row">
                <SliceTable
                  title="Segment"
                  kind="segment"
                  slices={report.by_segment}
                  slicer={slicer}
                  onSlice={setSlicer}
                />
                <SliceTable
                  title="Stage"
                  kind="stage"
                  slices={report.by_stage}
                  slicer={slicer}
                  onSlice={setSlicer}
                />
              </div>
              {slicer && (
                <p className="value-filter" data-testid="value-filter">
                  Showing the {shown.length.toLocaleString("en-US")} customers{" "}
                  {slicer.kind === "segment" ? "of" : "in"} <strong>{slicer.name}</strong>{" "}
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
                          sort.key === col.key
                            ? sort.desc
                              ? "descending"
                              : "ascending"
                            : undefined
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
                      className={current?.customer_id === c.customer_id ? "chosen" : ""}
                      onClick={() => setPicked(c.customer_id)}
                      data-testid="value-row"
                      data-customer={c.customer_id}
                    >
                      <td>
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => setPicked(c.customer_id)}
                        >
                          {c.name ?? c.customer_id}
                        </button>
                      </td>
                      <td>{c.segment ?? "—"}</td>
                      <td>{c.stage_name ?? "—"}</td>
                      <td>{c.phase_name ?? "—"}</td>
                      <td className="numeric">{money(c.leakage_money)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {shown.length > ROWS && (
                <p className="muted">
                  The first {ROWS} of {shown.length.toLocaleString("en-US")}; Export CSV… has them
                  all.
                </p>
              )}
            </section>
            {current && (
              <Review
                c={current}
                journey={journey}
                busy={busy}
                onExport={() => exportReview(current)}
              />
            )}
          </div>
        )}
        {report && tab === "capabilities" && j && (
          <section className="panel-card" data-testid="capability-map">
            <div className="value-review-head">
              <h2>
                Capability map{" "}
                <span className="muted">
                  the share of {peers ? `${peers} customers` : "customers"} that use each capability
                </span>
              </h2>
              <label className="field-inline">
                Among{" "}
                <select
                  value={peers}
                  onChange={(e) => setPeers(e.target.value)}
                  data-testid="capability-peers"
                >
                  <option value="">every customer</option>
                  {report.by_segment
                    .filter((s) => s.key)
                    .map((s) => (
                      <option key={s.key} value={s.key}>
                        {s.name} ({s.customers.toLocaleString("en-US")})
                      </option>
                    ))}
                </select>
              </label>
            </div>
            {(j.phases ?? []).length === 0 && (
              <p className="muted">
                This journey has no maturity phases yet: add them and their capabilities in the
                journey panel (Value).
              </p>
            )}
            <div className="capability-map">
              {(j.phases ?? []).map((p) => (
                <div key={p.id} className="capability-phase">
                  <h3>
                    {p.name}
                    {p.value_driver && <span className="muted"> {p.value_driver}</span>}
                  </h3>
                  <div className="muted">
                    {peerCustomers.filter((c) => c.phase === p.id).length.toLocaleString("en-US")}{" "}
                    customers in this phase
                  </div>
                  {(j.capabilities ?? [])
                    .filter((c) => c.phase === p.id)
                    .map((c) => {
                      const share = shares.get(c.id) ?? 0;
                      return (
                        <div
                          key={c.id}
                          className="capability-cell"
                          style={{
                            background: `rgba(15, 118, 110, ${0.08 + share * 0.7})`,
                            color: share > 0.5 ? "#fff" : undefined,
                          }}
                          data-testid="capability-cell"
                          data-share={share}
                        >
                          <span>{c.name}</span>
                          <strong>{Math.round(share * 100)} %</strong>
                        </div>
                      );
                    })}
                </div>
              ))}
            </div>
          </section>
        )}
      </main>
    </div>
  );
}
