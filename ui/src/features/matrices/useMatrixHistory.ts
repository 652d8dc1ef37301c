// The Matrices view's one undo history: re-scores and edits of the matrices, undone in turn.
import { useCallback, useState } from "react";
import type { Journey } from "../../bindings/Journey";
import { COALESCE_MS } from "../editor/history";
import type { JourneyEditor } from "../editor/useJourneyEditor";
import { EMPTY, record, redone, type ScoreEdit, type Stack, undone } from "./rescoring";

export interface MatrixHistory {
  stack: Stack;
  /** Records a re-score as one step and applies it. */
  rescore: (label: string, edits: ScoreEdit[]) => void;
  /** An edit of the journey (a matrix's definition), in the same history as re-scores. */
  editJourney: (change: (j: Journey) => Journey, label: string) => void;
  undo: () => void;
  redo: () => void;
}

/** The journey's own steps are undone by its editor; the re-scores here, through `apply`. */
export function useMatrixHistory(
  editor: JourneyEditor,
  apply: (edits: ScoreEdit[], undo: boolean) => Promise<void>,
): MatrixHistory {
  const [stack, setStack] = useState<Stack>(EMPTY);
  const rescore = useCallback(
    (label: string, edits: ScoreEdit[]) => {
      setStack((s) => record(s, { kind: "scores", label, edits }));
      void apply(edits, false);
    },
    [apply],
  );
  const editJourney = useCallback(
    (change: (j: Journey) => Journey, label: string) => {
      editor.edit(change, label);
      setStack((s) => record(s, { kind: "journey", label, at: Date.now() }, COALESCE_MS));
    },
    [editor],
  );
  const undo = useCallback(() => {
    const [next, step] = undone(stack);
    setStack(next);
    if (step?.kind === "scores") void apply(step.edits, true);
    if (step?.kind === "journey") editor.undo();
  }, [stack, apply, editor]);
  const redo = useCallback(() => {
    const [next, step] = redone(stack);
    setStack(next);
    if (step?.kind === "scores") void apply(step.edits, false);
    if (step?.kind === "journey") editor.redo();
  }, [stack, apply, editor]);
  return { stack, rescore, editJourney, undo, redo };
}
