// A journey file double-clicked in the file manager starts the app with its path: the
// journey is imported into the workspace and opened.
import { useEffect, useState } from "react";
import { type AppError, api, toAppError } from "../../ipc";

export function useOpenedFile(onOpen: (id: number) => void): { error: AppError | null } {
  const [error, setError] = useState<AppError | null>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const path = await api.takeOpenedFile();
        if (path === null) return;
        const id = await api.importJourney(path);
        if (live) onOpen(id);
      } catch (e) {
        if (live) setError(toAppError(e));
      }
    })();
    return () => {
      live = false;
    };
  }, [onOpen]);
  return { error };
}
