// The matrix on its card: the canvas, the tip for the point under the pointer, "Placing…".
import type { Corner } from "../../bindings/Corner";
import type { Matrix } from "../../bindings/Matrix";
import type { MatrixPoint } from "../../bindings/MatrixPoint";
import type { PointCustomer } from "../../bindings/PointCustomer";
import { HEALTH_WORDS } from "../../components/health";
import { MatrixCanvas, type ShownPoint } from "./MatrixCanvas";

/** The point under the pointer (its index in the visible points) and where the pointer is. */
export type Hover = { i: number; x: number; y: number } | null;

interface Props {
  matrix: Matrix;
  visible: MatrixPoint[];
  shown: ShownPoint[];
  counts: Record<Corner, number>;
  customers: Map<string, PointCustomer>;
  loading: boolean;
  selected: string | null;
  draggable: boolean;
  hover: Hover;
  onHover: (hover: Hover) => void;
  onSelect: (id: string | null) => void;
  onMove: (id: string, x: number, y: number) => void;
}

export function MatrixPlot(props: Props) {
  const { matrix, hover, customers } = props;
  const hovered = hover ? props.visible[hover.i] : null;
  const hoveredCustomer = hovered ? customers.get(hovered.customer_id) : null;
  return (
    <section className="panel-card matrix-plot" aria-busy={props.loading}>
      <MatrixCanvas
        matrix={matrix}
        points={props.shown}
        counts={props.counts}
        selected={props.selected}
        draggable={props.draggable}
        onHover={(i, at) => props.onHover(i == null || !at ? null : { i, ...at })}
        onSelect={props.onSelect}
        onMove={props.onMove}
      />
      {hovered && hover && (
        <div className="matrix-tip" style={{ left: hover.x + 16, top: hover.y + 8 }}>
          <strong>{hovered.name}</strong>
          {hovered.stakeholder && <div>{hoveredCustomer?.name ?? hovered.customer_id}</div>}
          <div>
            {matrix.x.label}: {hovered.x.toFixed(1)} · {matrix.y.label}: {hovered.y.toFixed(1)}
          </div>
          <div className="muted">
            {[
              hoveredCustomer?.segment,
              hoveredCustomer?.stage,
              hoveredCustomer?.health && HEALTH_WORDS[hoveredCustomer.health],
            ]
              .filter(Boolean)
              .join(" · ")}
          </div>
        </div>
      )}
      {props.loading && <p className="muted matrix-loading">Placing…</p>}
    </section>
  );
}
