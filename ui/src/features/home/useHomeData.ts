// What the start screen shows: journeys, templates, customer data and the workspace's path.
import { useCallback, useEffect, useState } from "react";
import type { DataSummary } from "../../bindings/DataSummary";
import type { JourneySummary } from "../../bindings/JourneySummary";
import type { Template } from "../../bindings/Template";
import { type AppError, api, toAppError } from "../../ipc";

export interface HomeData {
  journeys: JourneySummary[] | null;
  /** Null until loaded: the start column appears whole, so nothing shifts under the pointer. */
  templates: Template[] | null;
  dbPath: string;
  data: DataSummary | null;
  setData: (data: DataSummary) => void;
  /** Asks for the journeys again (after one is deleted). */
  refresh: () => Promise<void>;
}

export function useHomeData(onError: (e: AppError) => void): HomeData {
  const [journeys, setJourneys] = useState<JourneySummary[] | null>(null);
  const [templates, setTemplates] = useState<Template[] | null>(null);
  const [dbPath, setDbPath] = useState("");
  const [data, setData] = useState<DataSummary | null>(null);

  const refresh = useCallback(async () => {
    try {
      setJourneys(await api.listJourneys());
    } catch (e) {
      setJourneys([]);
      onError(toAppError(e));
    }
  }, [onError]);

  useEffect(() => {
    void refresh();
    void api.listTemplates().then(setTemplates, (e) => {
      setTemplates([]);
      onError(toAppError(e));
    });
    // A workspace that cannot be read is said, not shown as an empty one.
    void api.workspacePath().then(setDbPath, (e) => onError(toAppError(e)));
    void api.dataSummary().then(setData, (e) => onError(toAppError(e)));
  }, [refresh, onError]);

  return { journeys, templates, dbPath, data, setData, refresh };
}
