// The journey being edited: undo/redo history plus autosave. Every change is saved at most
// SAVE_DELAY_MS after it is made (the core writes only the objects that changed), and a
// last save runs when the screen closes or the window is closed.
import { useCallback, useEffect, useRef, useState } from "react";
import type { Journey } from "../../bindings/Journey";
import { AppError, api, toAppError } from "../../ipc";
import { type History, record, redo, start, undo } from "./history";

export const SAVE_DELAY_MS = 300;
/** How often an idle editor asks whether another window or the CLI changed the journey. */
export const CHANGED_ELSEWHERE_POLL_MS = 1500;

export type SaveState =
  | { kind: "saved" }
  | { kind: "saving" }
  | { kind: "failed"; error: AppError };

export interface JourneyEditor {
  journey: Journey;
  /** Applies an edit; `label` groups quick successive edits of one field into one undo step. */
  edit: (change: (j: Journey) => Journey, label: string) => void;
  undo: () => void;
  redo: () => void;
  canUndo: boolean;
  canRedo: boolean;
  saveState: SaveState;
  /** Saves now if anything is unsaved. */
  flush: () => Promise<void>;
  /** Set when the journey was reloaded because it changed elsewhere. */
  changedElsewhere: boolean;
  dismissChangedElsewhere: () => void;
}

export function useJourneyEditor(
  id: number,
  initial: Journey,
  initialRevision: number,
): JourneyEditor {
  const [history, setHistory] = useState<History>(() => start(initial));
  const [changedElsewhere, setChangedElsewhere] = useState(false);
  const revision = useRef(initialRevision);
  const [saveState, setSaveState] = useState<SaveState>({ kind: "saved" });
  const latest = useRef(initial);
  const saved = useRef(initial);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  latest.current = history.present;

  // Saves run one after another and keep going until the newest journey is stored: an
  // edit (or an undo back to a saved state) made while a save is in flight is never lost.
  const flush = useCallback(() => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    queue.current = queue.current.then(async () => {
      while (latest.current !== saved.current) {
        const current = latest.current;
        setSaveState({ kind: "saving" });
        try {
          const outcome = await api.saveJourney(id, current);
          revision.current = outcome.revision;
          saved.current = current;
        } catch (e) {
          setSaveState({ kind: "failed", error: toAppError(e) });
          return;
        }
      }
      setSaveState({ kind: "saved" });
    });
    return queue.current;
  }, [id]);

  // Throttle, not debounce: steady typing still saves every SAVE_DELAY_MS.
  useEffect(() => {
    if (history.present === saved.current || timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      void flush();
    }, SAVE_DELAY_MS);
  }, [history.present, flush]);

  useEffect(() => {
    let unlisten: (() => void) | null = null;
    let live = true;
    void api.beforeWindowCloses(flush).then(
      (u) => {
        if (live) unlisten = u;
        else u();
      },
      // Without the guard, closing the window could drop the last second of edits: say so
      // where the save state shows.
      (e) =>
        live &&
        setSaveState({
          kind: "failed",
          error: new AppError({
            code: toAppError(e).code,
            message: `Closing the window will not wait for the last changes to be saved (${toAppError(e).message}): save before closing.`,
          }),
        }),
    );
    return () => {
      live = false;
      unlisten?.();
      void flush();
    };
  }, [flush]);

  // Last write wins between windows: when nothing here is unsaved and the stored revision
  // moved on, take the stored journey (as an undoable step) and say so.
  useEffect(() => {
    const poll = setInterval(() => {
      queue.current = queue.current.then(async () => {
        if (latest.current !== saved.current) return;
        try {
          const now = await api.journeyRevision(id);
          if (now <= revision.current) return;
          const stored = await api.reloadJourney(id);
          if (latest.current !== saved.current) return;
          revision.current = stored.revision;
          saved.current = stored.journey;
          latest.current = stored.journey;
          setHistory((h) => record(h, stored.journey, "changed-elsewhere", Date.now()));
          setChangedElsewhere(true);
        } catch {
          // A failed check is retried at the next tick; saving reports its own errors.
        }
      });
    }, CHANGED_ELSEWHERE_POLL_MS);
    return () => clearInterval(poll);
  }, [id]);

  const edit = useCallback((change: (j: Journey) => Journey, label: string) => {
    setHistory((h) => record(h, change(h.present), label, Date.now()));
  }, []);

  return {
    journey: history.present,
    edit,
    undo: useCallback(() => setHistory(undo), []),
    redo: useCallback(() => setHistory(redo), []),
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    // An edit not yet handed to a save is already "saving" for the person looking.
    saveState:
      saveState.kind === "saved" && history.present !== saved.current
        ? { kind: "saving" }
        : saveState,
    flush,
    changedElsewhere,
    dismissChangedElsewhere: useCallback(() => setChangedElsewhere(false), []),
  };
}
