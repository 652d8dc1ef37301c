// Asks before a matrix is deleted, naming the plays it triggers that would become manual.
import type { Journey } from "../../bindings/Journey";
import type { Matrix } from "../../bindings/Matrix";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { playsOf } from "./ops";

export function DeleteMatrixDialog(props: {
  journey: Journey;
  matrix: Matrix;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { journey, matrix } = props;
  return (
    <ConfirmDialog
      title={`Delete “${matrix.name}”?`}
      confirmLabel="Delete matrix"
      danger
      onConfirm={props.onConfirm}
      onCancel={props.onCancel}
    >
      <p>
        The scores stay; only the matrix goes. Undo brings it back.
        {playsOf(journey, matrix.id).length > 0 &&
          ` Plays it triggers become manual: ${playsOf(journey, matrix.id).join(", ")}.`}
      </p>
    </ConfirmDialog>
  );
}
