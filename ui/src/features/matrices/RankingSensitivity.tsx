// How stable the ranking's top ten is when each weight moves 10 %.
import type { Ranking } from "../../bindings/Ranking";
import { SCORES } from "../../bindings/vocabulary";

export function RankingSensitivity({ ranking }: { ranking: Ranking }) {
  const shifts = ranking.sensitivity.shifts;
  const worst = shifts.reduce(
    (w, s) => (s.top_changes > (w?.top_changes ?? -1) ? s : w),
    shifts[0],
  );
  const nameOf = (f: string) => SCORES.find((d) => d.value === f)?.label ?? f;
  return (
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
        <p className="muted">Most sensitive: {ranking.sensitivity.most_moved_names.join(", ")}</p>
      )}
    </div>
  );
}
