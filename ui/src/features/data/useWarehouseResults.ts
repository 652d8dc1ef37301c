// Where a journey's numbers come from when a warehouse is connected: the time of the
// results shown, and whether the last refresh failed or the journey changed since — so a
// view never passes off old numbers as new ones.
import { useEffect, useState } from "react";
import type { WarehouseStatus } from "../../bindings/WarehouseStatus";
import { api } from "../../ipc";

/** The warehouse's status for stored journey `journey`; null when none is connected. */
export function useWarehouseResults(journey: number): WarehouseStatus | null {
  const [status, setStatus] = useState<WarehouseStatus | null>(null);
  useEffect(() => {
    let live = true;
    api.warehouseStatus(journey).then(
      (s) => live && setStatus(s.connection ? s : null),
      () => live && setStatus(null),
    );
    return () => {
      live = false;
    };
  }, [journey]);
  return status;
}

/** "from the warehouse, results of 2026-12-08 00:04 UTC", and what is wrong with them. */
export function warehouseWords(s: WarehouseStatus): string {
  if (!s.refreshed) return "warehouse connected, not refreshed yet";
  const at = `${s.refreshed.at.slice(0, 10)} ${s.refreshed.at.slice(11, 16)} UTC`;
  let words = `from the warehouse, results of ${at}`;
  if (s.failed) words += " (the last refresh failed)";
  if (s.refreshed.stale) words += " (the journey changed since)";
  return words;
}
