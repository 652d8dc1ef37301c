// The customers' health colours, from the latest journey or the one the person chose.
import { useEffect, useState } from "react";
import type { CustomerRow } from "../../bindings/CustomerRow";
import type { Health } from "../../bindings/Health";
import type { JourneySummary } from "../../bindings/JourneySummary";
import { type AppError, api, toAppError } from "../../ipc";

export interface CustomerHealth {
  journeys: JourneySummary[];
  /** The journey whose health rules colour the customers. */
  healthOf: number | null;
  setHealthOf: (id: number | null) => void;
  health: Record<string, Health | null> | null;
}

export function useCustomerHealth(
  customers: CustomerRow[] | null,
  onError: (e: AppError) => void,
): CustomerHealth {
  const [journeys, setJourneys] = useState<JourneySummary[]>([]);
  const [healthOf, setHealthOf] = useState<number | null>(null);
  const [health, setHealth] = useState<Record<string, Health | null> | null>(null);

  // Health colours come from a journey: the most recently used one, or the person's choice.
  useEffect(() => {
    api.listJourneys().then(
      (list) => {
        setJourneys(list);
        setHealthOf((h) => h ?? list[0]?.id ?? null);
      },
      (e) => onError(toAppError(e)),
    );
  }, [onError]);

  useEffect(() => {
    if (healthOf === null || !customers?.length) {
      setHealth(null);
      return;
    }
    let live = true;
    api.customerHealth(healthOf).then(
      (h) => live && setHealth(h),
      (e) => live && onError(toAppError(e)),
    );
    return () => {
      live = false;
    };
  }, [healthOf, customers, onError]);

  return { journeys, healthOf, setHealthOf, health };
}
