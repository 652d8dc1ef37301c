// Long work started from a button (a save dialog, an export) runs once at a time: a second
// click while it runs — a double-click, an impatient press — is ignored rather than
// opening a second dialog. The guard is a plain flag, not React state, because both clicks
// of a double-click arrive before React re-renders the button as disabled.
import { useRef, useState } from "react";

export type Run = <T>(work: () => Promise<T>) => Promise<T | undefined>;

/** A runner that starts `work` only when nothing it started is still running (else
 * resolves to undefined at once), telling `onBusy` when it starts and stops. */
export function singleFlight(onBusy: (busy: boolean) => void = () => {}): Run {
  let running = false;
  return async (work) => {
    if (running) return undefined;
    running = true;
    onBusy(true);
    try {
      return await work();
    } finally {
      running = false;
      onBusy(false);
    }
  };
}

/** The component's single-flight runner, and whether it is busy (to disable buttons). */
export function useSingleFlight(): [busy: boolean, run: Run] {
  const [busy, setBusy] = useState(false);
  const run = useRef<Run | null>(null);
  if (run.current === null) run.current = singleFlight(setBusy);
  return [busy, run.current];
}
