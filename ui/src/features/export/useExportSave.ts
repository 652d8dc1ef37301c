// Saving an export: a path from the native dialog, then the core writes it (progress, Cancel).
import { useState } from "react";
import type { ExportProgress } from "../../bindings/ExportProgress";
import { useSingleFlight } from "../../components/useSingleFlight";
import { type AppError, api, toAppError } from "../../ipc";
import type { ExportKind } from "./files";
import { fileStem } from "./files";
import { COMPANY_KEY, type ExportChoices, PAPER_KEY } from "./useExportOptions";

interface Save {
  kind: ExportKind;
  journeyId: number;
  journeyName: string;
  choices: ExportChoices;
  onSaved: (path: string) => void;
  setError: (e: AppError | null) => void;
}

export interface ExportSave {
  /** Asks where, then writes; a second click while it runs is ignored. */
  save: () => Promise<unknown>;
  /** The core is writing (Cancel stops it). */
  busy: boolean;
  progress: ExportProgress | null;
}

export function useExportSave(s: Save): ExportSave {
  const [, once] = useSingleFlight();
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [busy, setBusy] = useState(false);

  async function saveFile() {
    const { kind, journeyId, choices: c, setError } = s;
    setError(null);
    const stem = fileStem(s.journeyName);
    const [name, what, ext] =
      kind === "pdf"
        ? [`${stem}-playbook.pdf`, "PDF", "pdf"]
        : kind === "image"
          ? [`${stem}-map.${c.format}`, c.format.toUpperCase(), c.format]
          : kind === "json"
            ? [`${stem}.json`, "Milepost journey", "json"]
            : [`${stem}-customers.csv`, "CSV", "csv"];
    try {
      const path = await api.pickSavePath(name, what, ext);
      if (!path) return;
      setBusy(true);
      if (kind === "pdf") {
        localStorage.setItem(COMPANY_KEY, c.company.trim());
        localStorage.setItem(PAPER_KEY, c.paper);
        await api.exportPlaybook(journeyId, c.pdfOptions, path, setProgress);
      } else if (kind === "image") {
        await api.exportMap(journeyId, c.mapOptions, c.format, path);
      } else if (kind === "json") {
        await api.exportJourneyFile(journeyId, path, c.withData);
      } else {
        await api.exportCustomersCsv(journeyId, path);
      }
      s.onSaved(path);
    } catch (e) {
      const err = toAppError(e);
      if (err.code !== "cancelled") setError(err);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  }

  return { save: () => once(saveFile), busy, progress };
}
