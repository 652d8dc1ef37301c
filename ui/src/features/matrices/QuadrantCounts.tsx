// How many points fall in each quadrant, with its name, support level and rationale.
import type { Corner } from "../../bindings/Corner";
import type { Matrix } from "../../bindings/Matrix";
import { SUPPORTS } from "../../bindings/vocabulary";
import { count } from "../../components/text";
import { CORNERS } from "./quadrants";

export function QuadrantCounts(props: {
  matrix: Matrix;
  counts: Record<Corner, number>;
  hidden: boolean;
}) {
  const { matrix, counts } = props;
  return (
    <section className="panel-card" data-testid="quadrant-counts" hidden={props.hidden}>
      {CORNERS.map((c) => {
        const q = matrix.quadrants.find((x) => x.corner === c);
        return (
          <div key={c} className={`quadrant-row${c === matrix.best ? " quadrant-best" : ""}`}>
            <span className="quadrant-name">{q?.name ?? c}</span>
            <span className="quadrant-count" data-testid={`count-${c}`}>
              {count(counts[c])}
            </span>
            {q?.support && (
              <span className="chip">{SUPPORTS.find((s) => s.value === q.support)?.label}</span>
            )}
            {q?.rationale && <p className="muted">{q.rationale}</p>}
          </div>
        );
      })}
    </section>
  );
}
