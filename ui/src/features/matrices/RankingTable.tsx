// The priority ranking's table: rank, score, quadrants, support, activity; the CSV export.
import type { Matrix } from "../../bindings/Matrix";
import type { Ranking } from "../../bindings/Ranking";
import { SUPPORTS } from "../../bindings/vocabulary";
import { count } from "../../components/text";

interface Props {
  ranking: Ranking | null;
  matrices: Matrix[];
  onExport: () => void;
}

export function RankingTable({ ranking, matrices, onExport: exportCsv }: Props) {
  const ranked = ranking?.ranked ?? 0;
  const unranked = ranking?.unranked ?? 0;
  return (
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
  );
}
