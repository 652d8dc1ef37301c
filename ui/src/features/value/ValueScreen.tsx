// Value realisation against peers (seed 001): the portfolio of active customers — money
// left on the table, by customer, segment and stage — the capability map, and one
// customer's value review. The core computes and words everything; this screen composes.

import { useEffect, useState } from "react";
import type { StoredJourney } from "../../bindings/StoredJourney";
import type { ValueReport } from "../../bindings/ValueReport";
import { BackButton } from "../../components/BackButton";
import { ErrorBanner } from "../../components/ErrorBanner";
import { Tabs } from "../../components/Tabs";
import { ThemeButton } from "../../components/ThemeButton";
import { count } from "../../components/text";
import { useEscape } from "../../components/useEscape";
import { useSingleFlight } from "../../components/useSingleFlight";
import { type AppError, api, toAppError } from "../../ipc";
import { useWarehouseResults, warehouseWords } from "../data/useWarehouseResults";
import { COMPANY_KEY, PAPER_KEY } from "../export/ExportDialog";
import { CapabilityMap } from "./CapabilityMap";
import { Portfolio } from "./Portfolio";
import { ReviewCard } from "./ReviewCard";

interface Props {
  id: number;
  name: string;
  onBack: () => void;
}

type Tab = "portfolio" | "capabilities";

/** The value report and the journey, asked again when the peers or the listing change. */
function useValue(id: number, imported: boolean, churned: boolean) {
  const [report, setReport] = useState<ValueReport | null | undefined>(undefined);
  const [journey, setJourney] = useState<StoredJourney | null>(null);
  const [error, setError] = useState<AppError | null>(null);
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
    api.journeyValue(id, imported, churned).then(
      (r) => live && setReport(r),
      (e) => live && setError(toAppError(e)),
    );
    return () => {
      live = false;
    };
  }, [id, imported, churned]);
  return { report, journey, error, setError };
}

export function ValueScreen({ id, name, onBack }: Props) {
  const [imported, setImported] = useState(false);
  const [churned, setChurned] = useState(false);
  const { report, journey, error, setError } = useValue(id, imported, churned);
  const warehouse = useWarehouseResults(id);
  const [tab, setTab] = useState<Tab>("portfolio");
  const [picked, setPicked] = useState<string | null>(null);
  const [busy, run] = useSingleFlight();
  const [saved, setSaved] = useState<string | null>(null);
  useEscape(onBack);

  const save = (what: () => Promise<string | null>) =>
    run(async () => {
      setError(null);
      try {
        const path = await what();
        if (path) setSaved(path);
      } catch (e) {
        setError(toAppError(e));
      }
    });

  const exportReview = (customer: string) =>
    save(async () => {
      const c = report?.customers.find((x) => x.customer_id === customer);
      const title = (c?.name ?? customer).replace(/[\\/:*?"<>|]/g, "");
      const path = await api.pickSavePath(`Value review - ${title}.pdf`, "PDF", "pdf");
      if (!path) return null;
      const options = {
        paper: localStorage.getItem(PAPER_KEY) === "letter" ? ("letter" as const) : ("a4" as const),
        company: localStorage.getItem(COMPANY_KEY)?.trim() || null,
      };
      await api.exportValueReview(id, customer, imported, options, path);
      return path;
    });

  const exportCsv = () =>
    save(async () => {
      const path = await api.pickSavePath(`Value portfolio - ${name}.csv`, "CSV", "csv");
      if (!path) return null;
      await api.exportValueCsv(id, imported, churned, path);
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
              least {report.k} · measured against {report.reference} · {report.currency}
              {warehouse && ` · ${warehouseWords(warehouse)}`}
            </span>
          )}
        </div>
        <div className="topbar-actions">
          <label
            className="checkbox"
            title="List the customers who had churned by the day instead: marked, never compared"
          >
            <input
              type="checkbox"
              checked={churned}
              onChange={(e) => setChurned(e.target.checked)}
              data-testid="value-churned"
            />
            Churned customers{report && report.churned > 0 ? ` (${count(report.churned)})` : ""}
          </label>
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
      {saved && (
        <div className="value-notice" role="status" data-testid="value-notice">
          <span>
            Saved to <span data-testid="value-saved">{saved}</span>
          </span>
          <button type="button" className="link-button" onClick={() => setSaved(null)}>
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
          <Portfolio
            report={report}
            current={picked}
            onPick={setPicked}
            churned={churned}
            review={(customer) => (
              <ReviewCard
                id={id}
                customer={customer}
                imported={imported}
                revision={report}
                busy={busy}
                onExport={() => exportReview(customer)}
              />
            )}
          />
        )}
        {report && tab === "capabilities" && journey && (
          <CapabilityMap report={report} journey={journey.journey} />
        )}
      </main>
    </div>
  );
}
