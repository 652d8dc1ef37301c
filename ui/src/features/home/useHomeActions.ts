// What the start screen's buttons do, one at a time: the demo, a new journey, a delete.
import { useState } from "react";
import type { DataSummary } from "../../bindings/DataSummary";
import type { DemoProgress } from "../../bindings/DemoProgress";
import type { JourneySummary } from "../../bindings/JourneySummary";
import { useSingleFlight } from "../../components/useSingleFlight";
import { type AppError, api, toAppError } from "../../ipc";

export interface HomeActions {
  /** The label of the work under way ("demo", a template's key, "blank", …), or null. */
  busy: string | null;
  /** What loading the demo is doing now, while it runs. */
  demo: DemoProgress | null;
  loadDemo: () => void;
  openDemo: () => void;
  createFromTemplate: (key: string) => void;
  createBlank: () => void;
  importFile: () => void;
  /** The journey the person asked to delete, until they confirm or cancel. */
  toDelete: JourneySummary | null;
  setToDelete: (journey: JourneySummary | null) => void;
  confirmDelete: () => Promise<void>;
}

interface Deps {
  onOpen: (id: number) => void;
  refresh: () => Promise<void>;
  setData: (data: DataSummary) => void;
  setError: (e: AppError | null) => void;
}

export function useHomeActions({ onOpen, refresh, setData, setError }: Deps): HomeActions {
  const [busy, setBusy] = useState<string | null>(null);
  const [demo, setDemo] = useState<DemoProgress | null>(null);
  const [toDelete, setToDelete] = useState<JourneySummary | null>(null);

  // One thing at a time: a second click while a journey opens or a file dialog is up
  // is ignored.
  const [, once] = useSingleFlight();
  const run = (label: string, work: () => Promise<void>) =>
    once(async () => {
      setBusy(label);
      setError(null);
      try {
        await work();
      } catch (e) {
        setError(toAppError(e));
      } finally {
        setBusy(null);
        setDemo(null);
      }
    });

  const loadDemo = () =>
    run("demo", async () => {
      await api.loadDemoData(setDemo);
      setData(await api.dataSummary());
    });

  const createFromTemplate = (key: string) =>
    run(key, async () => onOpen(await api.createFromTemplate(key)));

  /** The demo: the Billing SaaS journey over 2,000 demo customers, opened on the canvas. */
  const openDemo = () =>
    run("open-demo", async () => {
      if ((await api.dataSummary()).customers.rows === 0) await api.loadDemoData(setDemo);
      setDemo({ step: "Opening the Billing SaaS journey", done: 1 });
      onOpen(await api.createFromTemplate("billing-saas"));
    });

  const createBlank = () => run("blank", async () => onOpen(await api.createBlank("New journey")));

  const importFile = () =>
    run("import", async () => {
      const path = await api.pickJourneyFile();
      if (path) onOpen(await api.importJourney(path));
    });

  const confirmDelete = async () => {
    const target = toDelete;
    setToDelete(null);
    if (target)
      await run("delete", async () => {
        await api.deleteJourney(target.id);
        await refresh();
      });
  };

  return {
    busy,
    demo,
    loadDemo,
    openDemo,
    createFromTemplate,
    createBlank,
    importFile,
    toDelete,
    setToDelete,
    confirmDelete,
  };
}
