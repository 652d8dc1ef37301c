// Presenting: which stage is shown, one at a time, with the window full screen while it lasts.
import { useCallback, useState } from "react";
import { api } from "../../ipc";

/** The stage presented (by column; null when editing), and a way to move or stop. */
export function usePresenter(): [
  presenting: number | null,
  present: (stage: number | null) => void,
] {
  const [presenting, setPresenting] = useState<number | null>(null);
  const present = useCallback((stage: number | null) => {
    setPresenting(stage);
    void api.setFullscreen(stage !== null).catch(() => {});
  }, []);
  return [presenting, present];
}
