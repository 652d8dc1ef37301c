// The Funnel view's top bar: the journey, its count, and the as-of, segment and start filters.
import type { Analysis } from "../../bindings/Analysis";
import type { WarehouseStatus } from "../../bindings/WarehouseStatus";
import { BackButton } from "../../components/BackButton";
import { ThemeButton } from "../../components/ThemeButton";
import { count } from "../../components/text";
import { warehouseWords } from "../data/useWarehouseResults";
import type { FunnelFilters } from "./useFunnelAnalysis";

interface Props {
  analysis: Analysis | null | undefined;
  filters: FunnelFilters;
  /** The warehouse the numbers come from, when one is connected. */
  warehouse: WarehouseStatus | null;
  onBack: () => void;
}

export function FunnelTopbar({ analysis, filters, warehouse, onBack }: Props) {
  const f = analysis?.funnel;
  const { asOf, setAsOf, segment, setSegment, cohort, setCohort, months } = filters;
  return (
    <header className="topbar">
      <BackButton label="Journey" onBack={onBack} />
      <div className="topbar-title">
        <h1>Funnel{f ? ` — ${f.journey}` : ""}</h1>
        {f && (
          <span className="data-meta" data-testid="funnel-meta">
            {count(f.customers)} customers · as of {f.as_of}
            {warehouse && ` · ${warehouseWords(warehouse)}`}
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
  );
}
