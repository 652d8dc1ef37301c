// Whether the Export or the Versions dialog is open; each opens once the last edit is
// stored, since both read the stored journey.
import { useState } from "react";
import { type AppError, toAppError } from "../../ipc";

export interface OpenDialogs {
  exporting: boolean;
  versionsOpen: boolean;
  openExport: () => Promise<void>;
  closeExport: () => void;
  openVersions: () => void;
  closeVersions: () => void;
}

export function useJourneyDialogs(
  flush: () => Promise<void>,
  setError: (error: AppError | null) => void,
): OpenDialogs {
  const [exporting, setExporting] = useState(false);
  const [versionsOpen, setVersionsOpen] = useState(false);

  /** Opens the Export dialog once the last edit is stored: every export reads it. */
  async function openExport() {
    setError(null);
    try {
      await flush();
      setExporting(true);
    } catch (e) {
      setError(toAppError(e));
    }
  }

  return {
    exporting,
    versionsOpen,
    openExport,
    closeExport: () => setExporting(false),
    openVersions: () =>
      void flush().then(
        () => setVersionsOpen(true),
        (e) => setError(toAppError(e)),
      ),
    closeVersions: () => setVersionsOpen(false),
  };
}
