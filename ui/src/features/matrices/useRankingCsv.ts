// Saving the whole priority ranking as a CSV under the same weights.
import { useSingleFlight } from "../../components/useSingleFlight";
import { type AppError, api, toAppError } from "../../ipc";

export function useRankingCsv(
  id: number,
  weights: Record<string, number>,
  decisionWeight: number,
  onNotice: (text: string) => void,
  onError: (e: AppError) => void,
): () => void {
  const [, once] = useSingleFlight();
  return () =>
    once(async () => {
      try {
        const path = await api.pickCsvPath(`priority-${new Date().toISOString().slice(0, 10)}.csv`);
        if (!path) return;
        await api.exportPriorityCsv(id, weights, decisionWeight, path);
        onNotice(`Saved ${path}`);
      } catch (e) {
        onError(toAppError(e));
      }
    });
}
