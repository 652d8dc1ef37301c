// Re-scoring: a moved point as score edits, saved and shown at once (taken back if saving fails).
import { useCallback, useState } from "react";
import type { Matrix } from "../../bindings/Matrix";
import type { MatrixPoint } from "../../bindings/MatrixPoint";
import { type AppError, api, toAppError } from "../../ipc";
import { applyEdits, editsFor, type ScoreEdit } from "./rescoring";

export interface Rescoring {
  /** Saves edits (or, with `undo`, their undoing) and shows them at once. */
  apply: (edits: ScoreEdit[], undo: boolean) => Promise<void>;
  /** Changes whenever a score was saved, so the ranking is asked for again. */
  revision: number;
}

export function useRescoring(
  matrix: Matrix | null,
  setPoints: (update: (points: MatrixPoint[]) => MatrixPoint[]) => void,
  onError: (e: AppError) => void,
): Rescoring {
  const [revision, setRevision] = useState(0);
  const apply = useCallback(
    async (edits: ScoreEdit[], undo: boolean) => {
      if (!matrix || edits.length === 0) return;
      setPoints((ps) => applyEdits(matrix, ps, edits, undo));
      try {
        for (const e of edits) {
          await api.rescore({
            customer_id: e.customer_id,
            stakeholder: e.stakeholder,
            field: e.field,
            value: undo ? e.before : e.after,
          });
        }
        setRevision((r) => r + 1);
      } catch (err) {
        setPoints((ps) => applyEdits(matrix, ps, edits, !undo));
        onError(toAppError(err));
      }
    },
    [matrix, setPoints, onError],
  );
  return { apply, revision };
}

/** A point moved to (x, y), dragged or nudged: its score edits as one undoable step. */
export function useMovePoint(
  matrix: Matrix | null,
  points: MatrixPoint[],
  rescore: (label: string, edits: ScoreEdit[]) => void,
) {
  return useCallback(
    (pointId: string, x: number, y: number) => {
      const p = points.find((q) => q.id === pointId);
      if (!matrix || !p) return;
      const edits = editsFor(matrix, p, x, y);
      if (edits.length === 0) return;
      rescore(`Re-score ${p.name}`, edits);
    },
    [points, matrix, rescore],
  );
}
