// Beside the matrix: its editor, or the counts, the picked point, a hint and who is not placed.
import type { Corner } from "../../bindings/Corner";
import type { CustomerDetail } from "../../bindings/CustomerDetail";
import type { Journey } from "../../bindings/Journey";
import type { Matrix } from "../../bindings/Matrix";
import type { MatrixPoint } from "../../bindings/MatrixPoint";
import type { MatrixScreen } from "../../bindings/MatrixScreen";
import type { PointCustomer } from "../../bindings/PointCustomer";
import { count } from "../../components/text";
import { MatrixEditor } from "./MatrixEditor";
import { replaceMatrix } from "./ops";
import { PointDetail } from "./PointDetail";
import { QuadrantCounts } from "./QuadrantCounts";

interface Props {
  matrix: Matrix;
  journey: Journey;
  screen: MatrixScreen | null;
  customers: Map<string, PointCustomer>;
  counts: Record<Corner, number>;
  editing: boolean;
  draggable: boolean;
  selectedPoint: MatrixPoint | null;
  detail: CustomerDetail | null;
  editJourney: (change: (j: Journey) => Journey, label: string) => void;
  onDelete: () => void;
}

export function MatrixSide(props: Props) {
  const { matrix, screen, editing, draggable, selectedPoint } = props;
  return (
    <aside className="matrix-side">
      {editing && (
        <>
          <button
            type="button"
            className="button button-danger"
            onClick={props.onDelete}
            data-testid="delete-matrix"
          >
            Delete this matrix…
          </button>
          <MatrixEditor
            matrix={matrix}
            journey={props.journey}
            onChange={(next, label) =>
              props.editJourney((j) => replaceMatrix(j, next), `matrix:${matrix.id}:${label}`)
            }
          />
        </>
      )}
      {screen?.notice && (
        <p className="panel-card muted" data-testid="matrix-notice" hidden={editing}>
          {screen.notice}
        </p>
      )}
      <QuadrantCounts matrix={matrix} counts={props.counts} hidden={editing} />
      {selectedPoint && (
        <PointDetail point={selectedPoint} detail={props.detail} draggable={draggable} />
      )}
      {!selectedPoint && draggable && (
        <p className="muted matrix-hint">
          Drag a point to re-score it; click one and nudge it with the arrow keys (Shift for 0.1).
          Ctrl+Z undoes.
        </p>
      )}
      {screen && screen.view.not_placed.length > 0 && (
        <details className="panel-card not-placed">
          <summary>{count(screen.view.not_placed.length)} not placed</summary>
          <ul>
            {screen.view.not_placed.slice(0, 100).map((n) => (
              <li key={`${n.customer_id}-${n.reason}`}>
                {props.customers.get(n.customer_id)?.name ?? n.customer_id}: {n.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </aside>
  );
}
