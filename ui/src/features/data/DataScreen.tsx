// The workspace's customer data: what is loaded, the customers table and one customer's
// timeline, and the import wizard.
import { useCallback, useEffect, useState } from "react";
import type { CustomerDetail } from "../../bindings/CustomerDetail";
import type { CustomerRow } from "../../bindings/CustomerRow";
import type { CustomerState } from "../../bindings/CustomerState";
import type { DataSummary } from "../../bindings/DataSummary";
import type { Health } from "../../bindings/Health";
import type { JourneySummary } from "../../bindings/JourneySummary";
import { BackButton } from "../../components/BackButton";
import { ErrorBanner } from "../../components/ErrorBanner";
import { HEALTH_WORDS } from "../../components/health";
import { ThemeButton } from "../../components/ThemeButton";
import { count } from "../../components/text";
import { useEscape } from "../../components/useEscape";
import { type AppError, api, toAppError } from "../../ipc";
import { CustomersTable } from "./CustomersTable";
import { ImportWizard } from "./ImportWizard";

interface Props {
  onBack: () => void;
}

export function DataScreen({ onBack }: Props) {
  const [summary, setSummary] = useState<DataSummary | null>(null);
  const [customers, setCustomers] = useState<CustomerRow[] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [detail, setDetail] = useState<CustomerDetail | null>(null);
  const [wizard, setWizard] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [loadingDemo, setLoadingDemo] = useState(false);
  const [journeys, setJourneys] = useState<JourneySummary[]>([]);
  const [healthOf, setHealthOf] = useState<number | null>(null);
  const [health, setHealth] = useState<Record<string, Health | null> | null>(null);

  const refresh = useCallback(async () => {
    try {
      const [s, c] = await Promise.all([api.dataSummary(), api.listCustomers()]);
      setSummary(s);
      setCustomers(c);
    } catch (e) {
      setError(toAppError(e));
      setCustomers([]);
    }
  }, []);

  const loadDemo = async () => {
    setLoadingDemo(true);
    try {
      await api.loadDemoData();
      await refresh();
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setLoadingDemo(false);
    }
  };

  useEffect(() => {
    void refresh();
    void api.setWindowTitle("Customer data — Milepost").catch(() => {});
  }, [refresh]);

  // Health colours come from a journey: the most recently used one, or the person's choice.
  useEffect(() => {
    api.listJourneys().then(
      (list) => {
        setJourneys(list);
        setHealthOf((h) => h ?? list[0]?.id ?? null);
      },
      () => {},
    );
  }, []);

  useEffect(() => {
    if (healthOf === null || !customers?.length) {
      setHealth(null);
      return;
    }
    let live = true;
    api.customerHealth(healthOf).then(
      (h) => live && setHealth(h),
      (e) => live && setError(toAppError(e)),
    );
    return () => {
      live = false;
    };
  }, [healthOf, customers]);

  useEffect(() => {
    if (!selected) {
      setDetail(null);
      return;
    }
    let live = true;
    api.customerDetail(selected).then(
      (d) => live && setDetail(d),
      (e) => live && setError(toAppError(e)),
    );
    return () => {
      live = false;
    };
  }, [selected]);

  // Escape closes the customer panel, then leaves the screen (the wizard takes it while open).
  useEscape(() => {
    if (selected) setSelected(null);
    else onBack();
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (wizard) return;
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "i") {
        e.preventDefault();
        setWizard(true);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [wizard]);

  return (
    <div className="journey-screen data-screen">
      <header className="topbar">
        <BackButton label="Journeys" onBack={onBack} />
        <div className="topbar-title">
          <h1>Customer data</h1>
          {summary && (
            <span className="data-meta" data-testid="data-summary">
              {count(summary.customers.rows)} customers · {count(summary.events.rows)} events
              {summary.events.from && ` (${summary.events.from} to ${summary.events.to})`} ·{" "}
              {count(summary.stakeholders.rows)} stakeholders
            </span>
          )}
        </div>
        <div className="topbar-actions">
          <button
            type="button"
            className="button button-primary"
            onClick={() => setWizard(true)}
            title="Import a CSV or Excel file (Ctrl+I)"
            data-testid="open-import"
          >
            Import data…
          </button>
          <ThemeButton />
        </div>
      </header>
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}

      <main className="data-main">
        {customers === null ? (
          <p className="muted data-empty">Loading…</p>
        ) : customers.length === 0 ? (
          <div className="empty-state data-empty">
            <p className="empty-title">No customer data yet</p>
            <p className="muted">
              Import your customers first (a CSV or Excel export from your CRM), then their usage
              events and stakeholders. Columns are matched to Milepost's fields for you to check,
              and nothing is stored until the whole file is clean.
            </p>
            <div className="empty-actions">
              <button
                type="button"
                className="button button-primary"
                onClick={() => setWizard(true)}
              >
                Import customers…
              </button>
              <button
                type="button"
                className="button"
                disabled={loadingDemo}
                data-testid="load-demo"
                onClick={loadDemo}
              >
                {loadingDemo ? "Loading demo data…" : "Load demo data (2,000 customers)"}
              </button>
            </div>
          </div>
        ) : (
          <>
            <CustomersTable
              rows={customers}
              selected={selected}
              onSelect={setSelected}
              health={health}
              tools={
                journeys.length > 0 && (
                  <label className="inline-field">
                    Health in{" "}
                    <select
                      className="select"
                      value={healthOf ?? ""}
                      data-testid="health-journey"
                      onChange={(e) => setHealthOf(e.target.value ? Number(e.target.value) : null)}
                    >
                      <option value="">—</option>
                      {journeys.map((j) => (
                        <option key={j.id} value={j.id}>
                          {j.name}
                        </option>
                      ))}
                    </select>
                  </label>
                )
              }
            />
            {detail && (
              <CustomerPanel
                detail={detail}
                journey={journeys.find((j) => j.id === healthOf) ?? null}
                onClose={() => setSelected(null)}
              />
            )}
          </>
        )}
      </main>

      {wizard && (
        <ImportWizard
          onClose={(changed) => {
            setWizard(false);
            if (changed) void refresh();
          }}
          onImported={() => void refresh()}
        />
      )}
    </div>
  );
}

const SCORES = [
  ["purpose", "Purpose"],
  ["intent", "Intent"],
  ["desire", "Desire"],
  ["skills", "Skills"],
  ["revenue_impact", "Revenue impact"],
  ["modularity", "Modularity"],
  ["effort", "Effort"],
  ["complexity", "Complexity"],
] as const;

function CustomerPanel({
  detail,
  journey,
  onClose,
}: {
  detail: CustomerDetail;
  journey: JourneySummary | null;
  onClose: () => void;
}) {
  const c = detail.customer;
  const [state, setState] = useState<CustomerState | null>(null);
  useEffect(() => {
    setState(null);
    if (!journey) return;
    let live = true;
    api.customerState(journey.id, c.id).then(
      (s) => live && setState(s),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [journey, c.id]);
  const facts: [string, string | null][] = [
    ["Segment", c.segment],
    ["Plan", c.plan],
    ["Owner", c.owner],
    ["ARR", c.arr_text],
    ["Started", c.start_date],
    ["Churned", c.churn_date],
    ...Object.entries(detail.attributes),
  ];
  // The timeline groups events by day, newest first.
  const days: { day: string; events: CustomerDetail["events"] }[] = [];
  for (const e of detail.events) {
    const day = e.at.slice(0, 10);
    const last = days.at(-1);
    if (last?.day === day) last.events.push(e);
    else days.push({ day, events: [e] });
  }
  return (
    <aside className="customer-panel" data-testid="customer-panel">
      <div className="panel-head">
        <div>
          <div className="panel-kicker">{c.id}</div>
          <h2>{c.name ?? c.id}</h2>
        </div>
        <button type="button" className="button button-quiet" onClick={onClose} aria-label="Close">
          ✕
        </button>
      </div>
      <dl className="facts">
        {facts
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
      </dl>
      {journey && state && (
        <section className="customer-journey" data-testid="customer-journey">
          <h3 className="panel-section">In {journey.name}</h3>
          <p>
            {state.churned ? (
              <strong>Churned</strong>
            ) : (
              <>
                <strong>{state.stage_name ?? "—"}</strong>
                {state.days_in_stage != null && (
                  <span className="muted"> · {state.days_in_stage_text} days in the stage</span>
                )}
              </>
            )}
            <br />
            <span className="muted">Furthest milestone: </span>
            {state.furthest_name ?? "none yet"}
          </p>
          {state.health && (
            <div
              className={`health-box health-box-${state.health.colour}`}
              data-testid="customer-health"
            >
              <span className={`health-dot health-dot-${state.health.colour}`} />
              <div>
                <strong>{HEALTH_WORDS[state.health.colour]}</strong>:{" "}
                {state.health.reasons.join("; ")}
                {state.health.action_name && (
                  <div>
                    Next: <strong>{state.health.action_name}</strong>
                  </div>
                )}
              </div>
            </div>
          )}
        </section>
      )}
      <h3 className="panel-section">
        Stakeholders <span className="muted">{count(detail.stakeholders.length)}</span>
      </h3>
      {detail.stakeholders.length === 0 ? (
        <p className="muted">No stakeholders imported for this customer.</p>
      ) : (
        <div className="stakeholders" data-testid="stakeholders">
          {detail.stakeholders.map((p) => (
            <div key={p.name} className="stakeholder">
              <div>
                <strong>{p.name}</strong>
                {p.title && <span className="muted"> · {p.title}</span>}
                {p.decision_maker && (
                  <span className="badge badge-first-value">Decision maker</span>
                )}
              </div>
              <dl className="scores">
                {SCORES.filter(([k]) => p[k] != null).map(([k, label]) => (
                  <div key={k} className="score">
                    <dt>{label}</dt>
                    <dd>{p[k]}</dd>
                  </div>
                ))}
              </dl>
            </div>
          ))}
        </div>
      )}
      <h3 className="panel-section">
        Timeline{" "}
        <span className="muted">
          {detail.total_events > detail.events.length
            ? `latest ${count(detail.events.length)} of ${count(detail.total_events)} events`
            : `${count(detail.total_events)} events`}
        </span>
      </h3>
      {days.length === 0 ? (
        <p className="muted">No events for this customer.</p>
      ) : (
        <ol className="timeline" data-testid="timeline">
          {days.map((d) => (
            <li key={d.day}>
              <div className="timeline-day">{d.day}</div>
              <ul>
                {d.events.map((e, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: events of one day, in order
                  <li key={i} className="timeline-event">
                    <span className="timeline-time">{e.at.slice(11, 16)}</span>
                    <span className="mono-cell">{e.event}</span>
                    {e.value !== 1 && <span className="timeline-value">{e.value}</span>}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}
