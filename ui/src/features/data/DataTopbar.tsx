// The Customer data view's top bar: what is loaded, and the Import button.
import type { DataSummary } from "../../bindings/DataSummary";
import { BackButton } from "../../components/BackButton";
import { ThemeButton } from "../../components/ThemeButton";
import { count } from "../../components/text";

interface Props {
  summary: DataSummary | null;
  onImport: () => void;
  onWarehouse: () => void;
  /** Where the connected warehouse is, when the journeys are assessed there. */
  warehouseAt: string | null;
  onBack: () => void;
}

export function DataTopbar({ summary, onImport, onWarehouse, warehouseAt, onBack }: Props) {
  return (
    <header className="topbar">
      <BackButton label="Journeys" onBack={onBack} />
      <div className="topbar-title">
        <h1>Customer data</h1>
        {summary && (
          <span className="data-meta" data-testid="data-summary">
            {count(summary.customers.rows)} customers · {count(summary.events.rows)} events
            {summary.events.from && ` (${summary.events.from} to ${summary.events.to})`} ·{" "}
            {count(summary.stakeholders.rows)} stakeholders
            {warehouseAt !== null && ` · journeys assessed in the warehouse ${warehouseAt}`}
          </span>
        )}
      </div>
      <div className="topbar-actions">
        <button
          type="button"
          className="button"
          onClick={onWarehouse}
          title="Assess the journeys where the data lives: PostgreSQL and what speaks it"
          data-testid="open-warehouse-top"
        >
          Warehouse…
        </button>
        <button
          type="button"
          className="button button-primary"
          onClick={onImport}
          title="Import a CSV or Excel file (Ctrl+I)"
          data-testid="open-import"
        >
          Import data…
        </button>
        <ThemeButton />
      </div>
    </header>
  );
}
