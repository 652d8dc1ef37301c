// Where the shown customer stands in the chosen journey, asked of the core.
import { useEffect, useState } from "react";
import type { CustomerState } from "../../bindings/CustomerState";
import type { JourneySummary } from "../../bindings/JourneySummary";
import { type AppError, api, toAppError } from "../../ipc";

export function useCustomerState(
  journey: JourneySummary | null,
  customerId: string,
  onError: (e: AppError) => void,
): CustomerState | null {
  const [state, setState] = useState<CustomerState | null>(null);
  useEffect(() => {
    setState(null);
    if (!journey) return;
    let live = true;
    api.customerState(journey.id, customerId).then(
      (s) => live && setState(s),
      (e) => live && onError(toAppError(e)),
    );
    return () => {
      live = false;
    };
  }, [journey, customerId, onError]);
  return state;
}
