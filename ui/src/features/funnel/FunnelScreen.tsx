// The Funnel view: where the journey's customers are, where they stall and who needs
// what — funnel chart and numbers, the customers at a milestone with their health, the
// forecast and the cohort table; as of a day, for a segment.
import { useEffect, useMemo, useState } from "react";
import type { Analysis } from "../../bindings/Analysis";
import { FUNNEL_COLUMNS } from "../../bindings/vocabulary";
import { BackButton } from "../../components/BackButton";
import { ErrorBanner } from "../../components/ErrorBanner";
import { HEALTH_WORDS } from "../../components/health";
import { ThemeButton } from "../../components/ThemeButton";
import { count } from "../../components/text";
import { useEscape } from "../../components/useEscape";
import { type AppError, api, toAppError } from "../../ipc";
import { FunnelChart } from "./FunnelChart";

interface Props {
  id: number;
  onBack: () => void;
}

/** The funnel's columns shown here, named as the CLI and the PDF name them. */
const SHOWN = FUNNEL_COLUMNS.filter((c) => c.key !== "median_days_from_previous");
const HORIZONS = ["30 d", "60 d", "90 d", "180 d"];

export function FunnelScreen({ id, onBack }: Props) {
  const [asOf, setAsOf] = useState<string | null>(null);
  const [segment, setSegment] = useState<string | null>(null);
  const [cohort, setCohort] = useState<string | null>(null);
  // The start months to choose from stay those of all customers, whatever is filtered.
  const [months, setMonths] = useState<string[]>([]);
  const [analysis, setAnalysis] = useState<Analysis | null | undefined>(undefined);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    let live = true;
    api.journeyAnalysis(id, asOf, segment, cohort).then(
      (a) => {
        if (!live) return;
        setAnalysis(a);
        if (a && cohort === null) setMonths(a.cohorts.map((c) => c.month));
        if (a) void api.setWindowTitle(`Funnel — ${a.funnel.journey} — Milepost`).catch(() => {});
      },
      (e) => live && setError(toAppError(e)),
    );
    return () => {
      live = false;
    };
  }, [id, asOf, segment, cohort]);

  useEscape(onBack);

  const f = analysis?.funnel;
  const step = selected ?? f?.bottleneck ?? f?.milestones[0]?.id ?? null;
  const stepIndex = f?.milestones.findIndex((m) => m.id === step) ?? -1;
  const atStep = useMemo(
    () =>
      analysis && step ? analysis.customers.filter((c) => c.furthest === step && !c.churned) : [],
    [analysis, step],
  );

  return (
    <div className="journey-screen funnel-screen">
      <header className="topbar">
        <BackButton label="Journey" onBack={onBack} />
        <div className="topbar-title">
          <h1>Funnel{f ? ` — ${f.journey}` : ""}</h1>
          {f && (
            <span className="data-meta" data-testid="funnel-meta">
              {count(f.customers)} customers · as of {f.as_of}
            </span>
          )}
        </div>
        <div className="topbar-actions">
          <label className="inline-field">
            As of{" "}
            <input
              type="date"
              className="date-input"
              value={asOf ?? analysis?.latest ?? ""}
              onChange={(e) => setAsOf(e.target.value || null)}
              data-testid="as-of"
            />
          </label>
          <label className="inline-field">
            Segment{" "}
            <select
              className="select"
              value={segment ?? ""}
              onChange={(e) => setSegment(e.target.value || null)}
              data-testid="segment"
            >
              <option value="">All</option>
              {analysis?.segments.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </label>
          <label className="inline-field">
            Started{" "}
            <select
              className="select"
              value={cohort ?? ""}
              onChange={(e) => setCohort(e.target.value || null)}
              data-testid="cohort"
            >
              <option value="">Any month</option>
              {[...months].reverse().map((m) => (
                <option key={m}>{m}</option>
              ))}
            </select>
          </label>
          <ThemeButton />
        </div>
      </header>
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}

      {analysis === undefined ? (
        <p className="muted data-empty">Computing…</p>
      ) : analysis === null || !f ? (
        <div className="empty-state data-empty">
          <p className="empty-title">No customer data yet</p>
          <p className="muted">
            Import customers and their usage events (Customer data on the start screen) to see how
            many reach each milestone.
          </p>
        </div>
      ) : (
        <main className="funnel-main">
          <section className="funnel-top">
            <FunnelChart funnel={f} selected={step} onSelect={setSelected} />
            <table className="funnel-table" data-testid="funnel-table">
              <thead>
                <tr>
                  <th>Milestone</th>
                  {SHOWN.map((c) => (
                    <th key={c.key} className="numeric" title={c.help}>
                      {c.name}
                    </th>
                  ))}
                  <th className="numeric" title="Expected to reach it in the next 30 days">
                    Next 30 days
                  </th>
                  <th className="numeric" title="Expected to reach it in the next 90 days">
                    Next 90 days
                  </th>
                </tr>
              </thead>
              <tbody>
                {f.milestones.map((m, i) => (
                  <tr
                    key={m.id}
                    className={[
                      m.id === f.bottleneck ? "bottleneck-row" : "",
                      m.id === step ? "chosen" : "",
                    ].join(" ")}
                    onClick={() => setSelected(m.id)}
                    data-testid="funnel-row"
                  >
                    <td>
                      <span className="pill">M{i + 1}</span> {m.name}
                      {m.id === f.bottleneck && (
                        <span className="badge badge-bottleneck">Bottleneck</span>
                      )}
                    </td>
                    {SHOWN.map((c) => (
                      <td
                        key={c.key}
                        className={c.key === "reached" ? "numeric strong" : "numeric"}
                        data-column={c.key}
                      >
                        {m.text[c.key]}
                      </td>
                    ))}
                    <td className="numeric">{analysis.forecast_30.milestones[i]?.expected_text}</td>
                    <td className="numeric">{analysis.forecast_90.milestones[i]?.expected_text}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <td colSpan={SHOWN.length + 3} className="muted">
                    Reached no milestone: {count(f.not_started)} ({count(f.not_started_churned)}{" "}
                    churned). Next 30/90 d: customers expected to reach it, from those in flight.
                  </td>
                </tr>
              </tfoot>
            </table>
          </section>

          <section className="funnel-bottom">
            <div className="panel-card" data-testid="customers-at-step">
              <h2>
                Customers at{" "}
                {stepIndex >= 0 ? `M${stepIndex + 1} ${f.milestones[stepIndex]?.name}` : "—"}{" "}
                <span className="muted">
                  {count(atStep.length)} active customers have it as their furthest milestone
                </span>
              </h2>
              <div className="step-customers">
                {atStep.slice(0, 200).map((c) => (
                  <div key={c.id} className="step-customer" data-testid="step-customer">
                    <span
                      className={`health-dot health-dot-${c.health?.colour ?? "none"}`}
                      title={
                        c.health
                          ? `${HEALTH_WORDS[c.health.colour]}: ${c.health.reasons.join("; ")}`
                          : "No health rules in this stage"
                      }
                    />
                    <span className="step-name">
                      {c.name ?? c.id}
                      {c.name && <span className="muted mono-cell"> {c.id}</span>}
                    </span>
                    <span className="muted">
                      {c.days_in_stage_text} days in {c.stage_name ?? "the stage"}
                    </span>
                    <span className="step-action">{c.health?.action_name ?? ""}</span>
                  </div>
                ))}
                {atStep.length > 200 && (
                  <p className="muted">… and {count(atStep.length - 200)} more</p>
                )}
              </div>
            </div>
            <div className="panel-card">
              <h2>
                Cohorts{" "}
                <span className="muted">share reaching {f.milestones[stepIndex]?.name} within</span>
              </h2>
              <div className="cohort-scroll">
                <table className="cohort-table" data-testid="cohort-table">
                  <thead>
                    <tr>
                      <th>Started</th>
                      <th className="numeric">Customers</th>
                      {HORIZONS.map((h) => (
                        <th key={h} className="numeric">
                          {h}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {analysis.cohorts.map((r) => (
                      <tr key={r.month}>
                        <td>{r.month}</td>
                        <td className="numeric">{r.customers}</td>
                        {(r.share[stepIndex] ?? []).map((s, h) => (
                          <td
                            // biome-ignore lint/suspicious/noArrayIndexKey: fixed horizons
                            key={h}
                            className={r.complete[h] ? "numeric heat" : "numeric heat open"}
                            style={{ "--heat": s } as React.CSSProperties}
                            title={r.complete[h] ? "" : "Not that long yet: can still grow"}
                          >
                            {Math.round(s * 100)}%
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </section>
        </main>
      )}
    </div>
  );
}
