// The ranking's weights: a slider per score and for decision makers, and the stability.
import type { Ranking } from "../../bindings/Ranking";
import { LOWER_IS_BETTER, SCORES } from "../../bindings/vocabulary";
import { RankingSensitivity } from "./RankingSensitivity";
import type { RankingWeights as Weights } from "./useRanking";

interface Props extends Weights {
  ranking: Ranking | null;
}

export function RankingWeights({
  ranking,
  weights,
  setWeights,
  decisionWeight,
  setDecisionWeight,
}: Props) {
  return (
    <aside className="panel-card ranking-weights">
      <h2>Weights</h2>
      <p className="muted">
        Each score counts 0–1 over 1–10; effort and complexity count lower as better.
      </p>
      {SCORES.map(({ value: field, label }) => (
        <label key={field} className="weight-row">
          <span>
            {label}
            {LOWER_IS_BETTER.includes(field) && <span className="muted"> (lower is better)</span>}
          </span>
          <input
            type="range"
            min={0}
            max={5}
            step={0.5}
            value={weights[field] ?? 0}
            data-testid={`weight-${field}`}
            aria-label={`Weight of ${label}`}
            onChange={(e) => setWeights((w) => ({ ...w, [field]: Number(e.target.value) }))}
          />
          <output>{weights[field] ?? 0}</output>
        </label>
      ))}
      <label className="weight-row">
        <span>Decision makers count</span>
        <input
          type="range"
          min={1}
          max={5}
          step={0.5}
          value={decisionWeight}
          aria-label="How many times a decision maker's scores count"
          onChange={(e) => setDecisionWeight(Number(e.target.value))}
        />
        <output>×{decisionWeight}</output>
      </label>
      {ranking && <RankingSensitivity ranking={ranking} />}
    </aside>
  );
}
