// Adding and deleting matrices as undoable edits, and the tab each leaves the view on.
import type { Journey } from "../../bindings/Journey";
import type { Matrix } from "../../bindings/Matrix";
import { addMatrix, removeMatrix } from "./ops";

interface Lenses {
  journey: Journey;
  editJourney: (change: (j: Journey) => Journey, label: string) => void;
  setTab: (tab: string) => void;
  setEditing: (editing: boolean) => void;
  setConfirmDelete: (open: boolean) => void;
}

export function useMatrixLenses(k: Lenses) {
  /** Adds a built-in lens or a blank matrix and shows it (a blank one in its editor). */
  const add = (m: Matrix) => {
    let added = "";
    k.editJourney((j) => {
      const [next, newId] = addMatrix(j, m);
      added = newId;
      return next;
    }, `add-matrix:${m.id}`);
    k.setTab(added || m.id);
    k.setEditing(m.id === "matrix");
  };
  /** Deletes a matrix and shows the one before it (or the ranking). */
  const remove = (matrix: Matrix) => {
    const { journey } = k;
    const idx = journey.matrices.findIndex((m) => m.id === matrix.id);
    k.editJourney((j) => removeMatrix(j, matrix.id), `delete-matrix:${matrix.id}`);
    k.setConfirmDelete(false);
    k.setEditing(false);
    const rest = journey.matrices.filter((m) => m.id !== matrix.id);
    k.setTab(rest[Math.max(0, idx - 1)]?.id ?? "ranking");
  };
  return { add, remove };
}
