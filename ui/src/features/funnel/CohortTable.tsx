// The cohorts by start month: the share reaching the chosen milestone within each horizon.
import type { CohortRow } from "../../bindings/CohortRow";

const HORIZONS = ["30 d", "60 d", "90 d", "180 d"];

interface Props {
  cohorts: CohortRow[];
  /** The chosen milestone's position, and its name. */
  stepIndex: number;
  name: string | undefined;
}

export function CohortTable({ cohorts, stepIndex, name }: Props) {
  return (
    <div className="panel-card">
      <h2>
        Cohorts <span className="muted">share reaching {name} within</span>
      </h2>
      <div className="cohort-scroll">
        <table className="cohort-table" data-testid="cohort-table">
          <thead>
            <tr>
              <th>Started</th>
              <th className="numeric">Customers</th>
              {HORIZONS.map((h) => (
                <th key={h} className="numeric">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {cohorts.map((r) => (
              <tr key={r.month}>
                <td>{r.month}</td>
                <td className="numeric">{r.customers}</td>
                {(r.share[stepIndex] ?? []).map((s, h) => (
                  <td
                    // biome-ignore lint/suspicious/noArrayIndexKey: fixed horizons
                    key={h}
                    className={r.complete[h] ? "numeric heat" : "numeric heat open"}
                    style={{ "--heat": s } as React.CSSProperties}
                    title={r.complete[h] ? "" : "Not that long yet: can still grow"}
                  >
                    {Math.round(s * 100)}%
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
