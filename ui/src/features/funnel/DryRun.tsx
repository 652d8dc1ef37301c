// The Tasks view's load tab: each role's load per week against the capacity set for it.
import { count } from "../../components/text";
import { LoadChart } from "./LoadChart";
import type { TaskLoad } from "./useTaskLoad";

interface Props {
  dry: TaskLoad;
  /** The role filtered by, or "" for every role. */
  role: string;
  /** The roles charted. */
  roles: string[];
  /** Owner-weeks over capacity among them. */
  over: number;
}

export function DryRun({ dry, role, roles: chartRoles, over }: Props) {
  const { weeks, setWeeks, capacityOf, setCapacity, load } = dry;
  return (
    <section className="panel-card" data-testid="dry-run">
      <h2>
        Dry run{" "}
        <span className="muted">
          what the rules asked of each person in the {weeks} weeks up to the as-of date; the last
          week is this week's list
        </span>
      </h2>
      <div className="dry-run-tools">
        <label className="inline-field">
          Weeks{" "}
          <input
            className="date-input"
            type="number"
            min={1}
            max={52}
            value={weeks}
            onChange={(e) => setWeeks(Math.max(1, Math.min(52, Number(e.target.value) || 1)))}
          />
        </label>
        <span className="muted" data-testid="over-capacity">
          {count(over)} owner-week{over === 1 ? "" : "s"} over capacity
          {role ? ` (${role})` : " (every role against its own capacity)"}
        </span>
      </div>
      <div className="load-grid">
        {chartRoles.map((r) => (
          <div key={r} className="load-role" data-testid="load-role">
            <div className="load-role-head">
              <h3>{r}</h3>
              <label className="inline-field">
                Capacity per person per week{" "}
                <input
                  className="date-input"
                  type="number"
                  min={1}
                  value={capacityOf(r)}
                  data-testid="capacity"
                  aria-label={`Capacity of a ${r} per week`}
                  onChange={(e) =>
                    setCapacity((c) => ({
                      ...c,
                      [r]: Math.max(1, Number(e.target.value) || 1),
                    }))
                  }
                />
              </label>
            </div>
            <LoadChart load={load.filter((w) => w.role === r)} capacity={capacityOf(r)} />
          </div>
        ))}
      </div>
    </section>
  );
}
