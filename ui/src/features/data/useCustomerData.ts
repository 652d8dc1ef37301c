// The workspace's counts and customers, asked for again after an import; the demo data.
import { useCallback, useEffect, useState } from "react";
import type { CustomerRow } from "../../bindings/CustomerRow";
import type { DataSummary } from "../../bindings/DataSummary";
import type { DemoProgress } from "../../bindings/DemoProgress";
import { type AppError, api, toAppError } from "../../ipc";

export interface CustomerData {
  summary: DataSummary | null;
  /** Null while loading. */
  customers: CustomerRow[] | null;
  refresh: () => Promise<void>;
  /** What loading the demo data is doing, while it runs. */
  demo: DemoProgress | null;
  loadDemo: () => Promise<void>;
}

export function useCustomerData(onError: (e: AppError) => void): CustomerData {
  const [summary, setSummary] = useState<DataSummary | null>(null);
  const [customers, setCustomers] = useState<CustomerRow[] | null>(null);
  const [demo, setDemo] = useState<DemoProgress | null>(null);

  const refresh = useCallback(async () => {
    try {
      const [s, c] = await Promise.all([api.dataSummary(), api.listCustomers()]);
      setSummary(s);
      setCustomers(c);
    } catch (e) {
      onError(toAppError(e));
      setCustomers([]);
    }
  }, [onError]);

  const loadDemo = async () => {
    setDemo({ step: "Starting", done: 0 });
    try {
      await api.loadDemoData(setDemo);
      await refresh();
    } catch (e) {
      onError(toAppError(e));
    } finally {
      setDemo(null);
    }
  };

  useEffect(() => {
    void refresh();
    void api.setWindowTitle("Customer data — Milepost").catch(() => {});
  }, [refresh]);

  return { summary, customers, refresh, demo, loadDemo };
}
