// Saving this week's tasks as a CSV where the person picks, and saying where.
import { useState } from "react";
import { useSingleFlight } from "../../components/useSingleFlight";
import { type AppError, api, toAppError } from "../../ipc";
import { DAYS } from "./useTasks";

export function useTasksCsv(id: number, onError: (e: AppError) => void) {
  const [, once] = useSingleFlight();
  const [notice, setNotice] = useState<string | null>(null);

  const exportCsv = () =>
    once(async () => {
      try {
        const path = await api.pickCsvPath(`tasks-${new Date().toISOString().slice(0, 10)}.csv`);
        if (!path) return;
        await api.exportTasksCsv(id, DAYS, path);
        setNotice(`Saved ${path}`);
      } catch (e) {
        onError(toAppError(e));
      }
    });

  return { notice, exportCsv };
}
