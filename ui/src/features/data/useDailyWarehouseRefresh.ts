// While Milepost runs, each journey's results from a warehouse are refreshed once a day:
// every ten minutes the core is asked to refresh those a day old (nothing to do costs a
// settings read). A failure is kept for the Warehouse dialog; the older results stay.
import { useEffect } from "react";
import { api } from "../../ipc";

const EVERY_MS = 10 * 60 * 1000;

export function useDailyWarehouseRefresh(): void {
  useEffect(() => {
    const timer = setInterval(() => {
      void api.refreshDueWarehouse().catch(() => {});
    }, EVERY_MS);
    return () => clearInterval(timer);
  }, []);
}
