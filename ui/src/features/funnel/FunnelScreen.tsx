// The Funnel view: where the journey's customers are, where they stall and who needs
// what — funnel chart and numbers, the customers at a milestone with their health, the
// forecast and the cohort table; as of a day, for a segment.
import { useMemo, useState } from "react";
import { ErrorBanner } from "../../components/ErrorBanner";
import { useEscape } from "../../components/useEscape";
import type { AppError } from "../../ipc";
import { useWarehouseResults } from "../data/useWarehouseResults";
import { CohortTable } from "./CohortTable";
import { FunnelChart } from "./FunnelChart";
import { FunnelTable } from "./FunnelTable";
import { FunnelTopbar } from "./FunnelTopbar";
import { StepCustomers } from "./StepCustomers";
import { useFunnelAnalysis } from "./useFunnelAnalysis";

interface Props {
  id: number;
  onBack: () => void;
}

export function FunnelScreen({ id, onBack }: Props) {
  const [error, setError] = useState<AppError | null>(null);
  const { analysis, filters } = useFunnelAnalysis(id, setError);
  const warehouse = useWarehouseResults(id);
  const [selected, setSelected] = useState<string | null>(null);

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
      <FunnelTopbar analysis={analysis} filters={filters} warehouse={warehouse} onBack={onBack} />
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}

      {analysis === undefined ? (
        <p className="muted data-empty">Computing…</p>
      ) : analysis === null || !f ? (
        <div className="empty-state data-empty">
          <p className="empty-title">No customer data yet</p>
          <p className="muted">
            {warehouse
              ? "The journey is assessed in the warehouse and has not been refreshed yet: Customer data → Warehouse… → Refresh now."
              : "Import customers and their usage events (Customer data on the start screen) to see how many reach each milestone."}
          </p>
        </div>
      ) : (
        <main className="funnel-main">
          <section className="funnel-top">
            <FunnelChart funnel={f} selected={step} onSelect={setSelected} />
            <FunnelTable analysis={analysis} step={step} onSelect={setSelected} />
          </section>

          <section className="funnel-bottom">
            <StepCustomers
              milestone={
                stepIndex >= 0 ? `M${stepIndex + 1} ${f.milestones[stepIndex]?.name}` : "—"
              }
              customers={atStep}
            />
            <CohortTable
              cohorts={analysis.cohorts}
              stepIndex={stepIndex}
              name={f.milestones[stepIndex]?.name}
            />
          </section>
        </main>
      )}
    </div>
  );
}
