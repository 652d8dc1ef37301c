// The customers' health colours, from the latest journey or the one the person chose.
import { useCallback, useEffect, useState } from "react";
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
  /** The journey's data changed (a warehouse refresh): colour the customers anew. */
  recolour: () => void;
}

export function useCustomerHealth(
  customers: CustomerRow[] | null,
  onError: (e: AppError) => void,
): CustomerHealth {
  const [journeys, setJourneys] = useState<JourneySummary[]>([]);
  const [healthOf, setHealthOf] = useState<number | null>(null);
  const [health, setHealth] = useState<Record<string, Health | null> | null>(null);
  const [generation, setGeneration] = useState(0);

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

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new generation asks again
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
  }, [healthOf, customers, onError, generation]);

  const recolour = useCallback(() => setGeneration((g) => g + 1), []);
  return { journeys, healthOf, setHealthOf, health, recolour };
}
