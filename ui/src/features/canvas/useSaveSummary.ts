// Saving the workshop summary as Markdown, once the last edit is stored; a second click
// while the save dialog is open is ignored.
import type { Journey } from "../../bindings/Journey";
import { useSingleFlight } from "../../components/useSingleFlight";
import { type AppError, api, toAppError } from "../../ipc";
import { fileStem } from "../export/files";

export function useSaveSummary(
  journeyId: number,
  j: Journey,
  flush: () => Promise<void>,
  setError: (error: AppError | null) => void,
  setNotice: (notice: string) => void,
): () => void {
  const [, once] = useSingleFlight();

  async function saveSummaryFile() {
    setError(null);
    try {
      await flush();
      const path = await api.pickSavePath(`${fileStem(j.name)}-workshop.md`, "Markdown", "md");
      if (!path) return;
      await api.exportWorkshopSummary(journeyId, path);
      setNotice(`Exported to ${path}`);
    } catch (e) {
      setError(toAppError(e));
    }
  }

  return () => void once(saveSummaryFile);
}
