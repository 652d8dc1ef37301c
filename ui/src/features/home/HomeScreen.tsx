import { useCallback, useEffect, useState } from "react";
import type { DataSummary } from "../../bindings/DataSummary";
import type { JourneySummary } from "../../bindings/JourneySummary";
import type { Template } from "../../bindings/Template";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorBanner } from "../../components/ErrorBanner";
import { ThemeButton } from "../../components/ThemeButton";
import { plural } from "../../components/text";
import { timeAgo } from "../../components/time";
import { useSingleFlight } from "../../components/useSingleFlight";
import { type AppError, api, toAppError } from "../../ipc";
import { Welcome } from "./Welcome";

interface Props {
  onOpen: (id: number) => void;
  onOpenData: () => void;
}

export function HomeScreen({ onOpen, onOpenData }: Props) {
  const [journeys, setJourneys] = useState<JourneySummary[] | null>(null);
  // Null until loaded: the start column appears whole, so nothing shifts under the pointer.
  const [templates, setTemplates] = useState<Template[] | null>(null);
  const [dbPath, setDbPath] = useState("");
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [toDelete, setToDelete] = useState<JourneySummary | null>(null);
  const [data, setData] = useState<DataSummary | null>(null);

  const refresh = useCallback(async () => {
    try {
      setJourneys(await api.listJourneys());
    } catch (e) {
      setJourneys([]);
      setError(toAppError(e));
    }
  }, []);

  useEffect(() => {
    void refresh();
    void api.listTemplates().then(setTemplates, (e) => {
      setTemplates([]);
      setError(toAppError(e));
    });
    // A workspace that cannot be read is said, not shown as an empty one.
    void api.workspacePath().then(setDbPath, (e) => setError(toAppError(e)));
    void api.dataSummary().then(setData, (e) => setError(toAppError(e)));
  }, [refresh]);

  // One thing at a time: a second click while a journey opens or a file dialog is up
  // is ignored.
  const [, once] = useSingleFlight();
  const run = (label: string, work: () => Promise<void>) =>
    once(async () => {
      setBusy(label);
      setError(null);
      try {
        await work();
      } catch (e) {
        setError(toAppError(e));
      } finally {
        setBusy(null);
      }
    });

  const loadDemo = () =>
    run("demo", async () => {
      await api.loadDemoData();
      setData(await api.dataSummary());
    });
  const noData = data !== null && data.customers.rows === 0;

  const createFromTemplate = (key: string) =>
    run(key, async () => onOpen(await api.createFromTemplate(key)));

  /** The demo: the Billing SaaS journey over 2,000 demo customers, opened on the canvas. */
  const openDemo = () =>
    run("open-demo", async () => {
      if ((await api.dataSummary()).customers.rows === 0) await api.loadDemoData();
      onOpen(await api.createFromTemplate("billing-saas"));
    });

  const createBlank = () => run("blank", async () => onOpen(await api.createBlank("New journey")));

  const importFile = () =>
    run("import", async () => {
      const path = await api.pickJourneyFile();
      if (path) onOpen(await api.importJourney(path));
    });

  const confirmDelete = async () => {
    const target = toDelete;
    setToDelete(null);
    if (target)
      await run("delete", async () => {
        await api.deleteJourney(target.id);
        await refresh();
      });
  };

  return (
    <div className="home">
      <header className="home-header">
        <div className="brand">
          <img src="/icon.png" alt="" className="brand-mark" />
          <div>
            <h1>Milepost</h1>
            <p className="tagline">
              Design the customer journey. Measure every customer against it.
            </p>
          </div>
        </div>
        <ThemeButton />
      </header>

      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}

      {journeys !== null && journeys.length === 0 ? (
        <main className="home-main home-welcome">
          <Welcome
            templates={templates}
            busy={busy}
            onOpenDemo={openDemo}
            onTemplate={createFromTemplate}
            onBlank={createBlank}
            onImport={importFile}
            onOpenData={onOpenData}
          />
        </main>
      ) : (
        <main className="home-main">
          <section className="home-journeys" aria-labelledby="journeys-heading">
            <h2 id="journeys-heading">Your journeys</h2>
            {noData && (
              <div className="demo-prompt" data-testid="demo-prompt">
                <div>
                  <p className="demo-prompt-title">See a live funnel in a minute</p>
                  <p className="muted">
                    Load the demo workspace — 2,000 customers of a software company with two years
                    of usage — then open any template to see who reached each milestone, who is red,
                    and this week's tasks.
                  </p>
                </div>
                <button
                  type="button"
                  className="button button-primary"
                  onClick={loadDemo}
                  disabled={busy !== null}
                  data-testid="home-load-demo"
                >
                  {busy === "demo" ? "Loading demo data…" : "Load demo data"}
                </button>
              </div>
            )}
            {journeys === null ? (
              <p className="muted">Loading…</p>
            ) : (
              <ul className="journey-list" data-testid="journey-list">
                {journeys.map((j) => (
                  <li key={j.id} className="journey-card" data-testid="journey-card">
                    <button type="button" className="journey-open" onClick={() => onOpen(j.id)}>
                      <span className="journey-name">{j.name}</span>
                      {j.description && (
                        <span className="journey-description">{j.description}</span>
                      )}
                      <span className="journey-meta">
                        {plural(j.stages, "stage")} · {plural(j.milestones, "milestone")} ·{" "}
                        {plural(j.activities, "play")}
                        <span className="dot">·</span>
                        {j.opened_at
                          ? `opened ${timeAgo(j.opened_at)}`
                          : `changed ${timeAgo(j.updated_at)}`}
                      </span>
                    </button>
                    <button
                      type="button"
                      className="button button-quiet journey-delete"
                      aria-label={`Delete ${j.name}`}
                      title="Delete journey"
                      onClick={() => setToDelete(j)}
                    >
                      Delete
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <aside className="home-start" aria-labelledby="start-heading">
            {/* The customer data first: at 1280×800 it is in view without scrolling. */}
            <h2 className="home-data-heading home-data-first">Customer data</h2>
            <button
              type="button"
              className="data-card"
              onClick={onOpenData}
              data-testid="open-data"
            >
              <span className="template-name">
                {data && data.customers.rows > 0
                  ? `${plural(data.customers.rows, "customer")} · ${plural(data.events.rows, "event")}`
                  : "No customer data yet"}
              </span>
              <span className="template-summary">
                Import customers, usage events and stakeholders from CSV or Excel to measure them
                against your journeys.
              </span>
              <span className="template-action">Open customer data →</span>
            </button>
            <h2 id="start-heading">Start a journey</h2>
            {templates && (
              <>
                <ul className="template-list">
                  {templates.map((t) => (
                    <li key={t.key}>
                      <button
                        type="button"
                        className="template-card"
                        data-testid={`template-${t.key}`}
                        disabled={busy !== null}
                        onClick={() => createFromTemplate(t.key)}
                      >
                        <span className="template-name">{t.name}</span>
                        <span className="template-summary">{t.summary}</span>
                        <span className="template-action">
                          {busy === t.key ? "Creating…" : "New from template →"}
                        </span>
                      </button>
                    </li>
                  ))}
                </ul>
                <button
                  type="button"
                  className="button button-wide"
                  data-testid="new-blank"
                  onClick={createBlank}
                  disabled={busy !== null}
                >
                  {busy === "blank" ? "Creating…" : "Blank journey"}
                </button>
                <button
                  type="button"
                  className="button button-wide"
                  onClick={importFile}
                  disabled={busy !== null}
                >
                  {busy === "import" ? "Importing…" : "Import journey file…"}
                </button>
              </>
            )}
          </aside>
        </main>
      )}

      <footer className="home-footer muted">Workspace: {dbPath}</footer>

      {toDelete && (
        <ConfirmDialog
          title={`Delete “${toDelete.name}”?`}
          confirmLabel="Delete journey"
          danger
          onConfirm={confirmDelete}
          onCancel={() => setToDelete(null)}
        >
          <p>
            This removes its {plural(toDelete.stages, "stage")},{" "}
            {plural(toDelete.milestones, "milestone")} and {plural(toDelete.activities, "play")}{" "}
            from this workspace. Export it first if you may want it back.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
