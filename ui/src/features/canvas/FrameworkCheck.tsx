// The framework check in the journey's panel: every finding, a click selects its card, and
// whether the findings are flagged on the canvas.
import { nodeId } from "./ids";
import type { FrameworkCheck as Check } from "./useFrameworkCheck";

interface Props {
  check: Check;
  /** Selects the cards with these node ids. */
  select: (ids: string[]) => void;
}

export function FrameworkCheck({ check, select }: Props) {
  const { findings } = check;
  return (
    <section className="check" data-testid="framework-check">
      <div className="check-head">
        <h3>Framework check</h3>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={check.showFlags}
            onChange={(e) => check.setShowFlags(e.target.checked)}
          />
          Show on canvas
        </label>
      </div>
      {findings.length === 0 ? (
        <p className="check-ok">
          Every play supports a milestone, every milestone has criteria, every stage is measured.
        </p>
      ) : (
        <ul className="check-list">
          {findings.map((f) => (
            <li key={`${f.rule}:${f.id}`}>
              <button
                type="button"
                className="check-item"
                data-rule={f.rule}
                onClick={() => select([nodeId(f.kind, f.id)])}
              >
                {f.message}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
