// The Matrices view's keys: undo and redo, arrows that nudge the picked point, and Escape.
import type { Matrix } from "../../bindings/Matrix";
import type { MatrixPoint } from "../../bindings/MatrixPoint";
import { useEscape } from "../../components/useEscape";
import { useScreenKeys } from "../editor/useEditorKeys";
import { clampTo } from "./scatter";

export interface MatrixKeys {
  undo: () => void;
  redo: () => void;
  /** The matrix on screen; null on the ranking. */
  matrix: Matrix | null;
  /** Whether the matrix's points can be re-scored (arrows nudge only then). */
  draggable: boolean;
  selectedPoint: MatrixPoint | null;
  move: (pointId: string, x: number, y: number) => void;
  /** Escape, from the inside out: the picked point, then the editor, then back. */
  onMatrix: boolean;
  selected: string | null;
  clearSelected: () => void;
  editing: boolean;
  stopEditing: () => void;
  back: () => void;
  /** A dialog is open: it has Escape. */
  dialog: boolean;
}

export function useMatrixKeys(k: MatrixKeys) {
  const { matrix, selectedPoint } = k;
  useScreenKeys({
    undo: k.undo,
    redo: k.redo,
    onKey: (e) => {
      if (!k.draggable || !matrix || !selectedPoint) return;
      const step = e.shiftKey ? 0.1 : 0.5;
      const d: Record<string, [number, number]> = {
        ArrowLeft: [-step, 0],
        ArrowRight: [step, 0],
        ArrowUp: [0, step],
        ArrowDown: [0, -step],
      };
      const by = d[e.key];
      if (!by) return;
      e.preventDefault();
      k.move(
        selectedPoint.id,
        clampTo(matrix.x, selectedPoint.x + by[0]),
        clampTo(matrix.y, selectedPoint.y + by[1]),
      );
    },
  });

  // Escape clears what can be seen: a point picked on the matrix shown, the matrix's
  // editor; else it goes back. On the ranking no point is shown, so a point picked
  // earlier never swallows the first Escape.
  useEscape(
    k.onMatrix && k.selected ? k.clearSelected : k.onMatrix && k.editing ? k.stopEditing : k.back,
    !k.dialog,
  );
}
