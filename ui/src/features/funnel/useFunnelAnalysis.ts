// The journey's analysis for the chosen day, segment and start month, asked for as they change.
import { useEffect, useState } from "react";
import type { Analysis } from "../../bindings/Analysis";
import { type AppError, api, toAppError } from "../../ipc";

export interface FunnelFilters {
  asOf: string | null;
  setAsOf: (day: string | null) => void;
  segment: string | null;
  setSegment: (segment: string | null) => void;
  cohort: string | null;
  setCohort: (month: string | null) => void;
  /** The start months to choose from: those of all customers, whatever is filtered. */
  months: string[];
}

export interface FunnelAnalysis {
  /** Undefined while computing, null when there is no customer data. */
  analysis: Analysis | null | undefined;
  filters: FunnelFilters;
}

export function useFunnelAnalysis(id: number, onError: (e: AppError) => void): FunnelAnalysis {
  const [asOf, setAsOf] = useState<string | null>(null);
  const [segment, setSegment] = useState<string | null>(null);
  const [cohort, setCohort] = useState<string | null>(null);
  // The start months to choose from stay those of all customers, whatever is filtered.
  const [months, setMonths] = useState<string[]>([]);
  const [analysis, setAnalysis] = useState<Analysis | null | undefined>(undefined);

  useEffect(() => {
    let live = true;
    api.journeyAnalysis(id, asOf, segment, cohort).then(
      (a) => {
        if (!live) return;
        setAnalysis(a);
        if (a && cohort === null) setMonths(a.cohorts.map((c) => c.month));
        if (a) void api.setWindowTitle(`Funnel — ${a.funnel.journey} — Milepost`).catch(() => {});
      },
      (e) => live && onError(toAppError(e)),
    );
    return () => {
      live = false;
    };
  }, [id, asOf, segment, cohort, onError]);

  return {
    analysis,
    filters: { asOf, setAsOf, segment, setSegment, cohort, setCohort, months },
  };
}
