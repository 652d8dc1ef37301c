// The priority ranking: a slider per score weight, every customer ranked with its quadrant
// in each matrix and the support it gets, how stable the top ten is, and a CSV.
import { useEffect, useState } from "react";
import type { Matrix } from "../../bindings/Matrix";
import type { Ranking } from "../../bindings/Ranking";
import { LOWER_IS_BETTER, SCORES, SUPPORTS } from "../../bindings/vocabulary";
import { count } from "../../components/text";
import { useSingleFlight } from "../../components/useSingleFlight";
import { type AppError, api, toAppError } from "../../ipc";

/** Rows drawn; the CSV has them all. */
const ROWS = 150;

interface Props {
  id: number;
  matrices: Matrix[];
  /** Changes whenever a score changes, so the ranking is asked for again. */
  revision: number;
  onError: (e: AppError) => void;
  onNotice: (text: string) => void;
}

export function RankingPanel({ id, matrices, revision, onError, onNotice }: Props) {
  const [weights, setWeights] = useState<Record<string, number>>({ purpose: 1, intent: 1 });
  const [decisionWeight, setDecisionWeight] = useState(2);
  const [ranking, setRanking] = useState<Ranking | null>(null);
  const [, once] = useSingleFlight();

  // biome-ignore lint/correctness/useExhaustiveDependencies: revision asks again on purpose
  useEffect(() => {
    let live = true;
    const t = setTimeout(() => {
      api.priorityRanking(id, weights, decisionWeight, ROWS).then(
        (r) => live && setRanking(r),
        (e) => live && onError(toAppError(e)),
      );
    }, 120);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [id, weights, decisionWeight, revision, onError]);

  const exportCsv = () =>
    once(async () => {
      try {
        const path = await api.pickCsvPath(`priority-${new Date().toISOString().slice(0, 10)}.csv`);
        if (!path) return;
        await api.exportPriorityCsv(id, weights, decisionWeight, path);
        onNotice(`Saved ${path}`);
      } catch (e) {
        onError(toAppError(e));
      }
    });

  const ranked = ranking?.ranked ?? 0;
  const unranked = ranking?.unranked ?? 0;
  const shifts = ranking?.sensitivity.shifts ?? [];
  const worst = shifts.reduce(
    (w, s) => (s.top_changes > (w?.top_changes ?? -1) ? s : w),
    shifts[0],
  );
  const nameOf = (f: string) => SCORES.find((d) => d.value === f)?.label ?? f;

  return (
    <div className="ranking" data-testid="ranking">
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
        {ranking && (
          <div className="sensitivity" data-testid="sensitivity">
            <h3>How stable is the top 10?</h3>
            {worst && worst.top_changes === 0 ? (
              <p>Moving any weight 10 % either way changes none of the top 10.</p>
            ) : (
              <ul>
                {shifts.map((s) => (
                  <li key={s.dimension}>
                    {nameOf(s.dimension)} ±10 %:{" "}
                    <strong>
                      {s.top_changes} of 10 place{s.top_changes === 1 ? "" : "s"}
                    </strong>{" "}
                    change
                  </li>
                ))}
              </ul>
            )}
            {ranking.sensitivity.most_moved.length > 0 && (
              <p className="muted">
                Most sensitive: {ranking.sensitivity.most_moved_names.join(", ")}
              </p>
            )}
          </div>
        )}
      </aside>
      <section className="panel-card ranking-table-card">
        <h2>
          Priority ranking{" "}
          <span className="muted">
            {ranking
              ? `${count(ranked)} ranked${unranked ? `, ${count(unranked)} without scores` : ""}`
              : "Computing…"}
          </span>
          <button
            type="button"
            className="button ranking-export"
            onClick={exportCsv}
            disabled={!ranking}
          >
            Export CSV…
          </button>
        </h2>
        <div className="ranking-scroll">
          <table className="data-table ranking-table">
            <thead>
              <tr>
                <th className="num">#</th>
                <th>Customer</th>
                <th className="num">ARR</th>
                <th>Score</th>
                {matrices.map((m) => (
                  <th key={m.id}>{m.name}</th>
                ))}
                <th>Support</th>
                <th>Activity</th>
              </tr>
            </thead>
            <tbody>
              {ranking?.customers.map((c) => (
                <tr key={c.customer_id} data-testid="ranking-row">
                  <td className="num">{c.rank ?? "—"}</td>
                  <td>{c.name ?? c.customer_id}</td>
                  <td className="num">{c.arr_text ?? ""}</td>
                  <td>
                    {c.score == null ? (
                      <span className="muted">{c.reason}</span>
                    ) : (
                      <span className="score-bar" title={c.score.toFixed(3)}>
                        <span style={{ width: `${Math.round(c.score * 100)}%` }} />
                        <em>{Math.round(c.score * 100)}</em>
                      </span>
                    )}
                  </td>
                  {matrices.map((m) => (
                    <td key={m.id}>{c.quadrants[m.id] ?? "—"}</td>
                  ))}
                  <td>{SUPPORTS.find((s) => s.value === c.support)?.label ?? "—"}</td>
                  <td>{c.activity ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {ranking && ranked + unranked > ranking.customers.length && (
            <p className="muted">
              … and {count(ranked + unranked - ranking.customers.length)} more in the CSV
            </p>
          )}
        </div>
      </section>
    </div>
  );
}
