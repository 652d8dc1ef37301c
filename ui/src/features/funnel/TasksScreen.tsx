// This week's tasks from the playbook's rules, by owner, with filters and a
// spreadsheet-safe CSV export; and the rules' dry run over past weeks, every role against
// its own capacity. Two tabs, so the load is one click away rather than below the list.
import { useEffect, useMemo, useState } from "react";
import type { TaskItem } from "../../bindings/TaskItem";
import type { WeekLoad } from "../../bindings/WeekLoad";
import { BackButton } from "../../components/BackButton";
import { ErrorBanner } from "../../components/ErrorBanner";
import { FilterSelect, Tabs } from "../../components/Tabs";
import { ThemeButton } from "../../components/ThemeButton";
import { count } from "../../components/text";
import { useEscape } from "../../components/useEscape";
import { useSingleFlight } from "../../components/useSingleFlight";
import { type AppError, api, toAppError } from "../../ipc";
import { LoadChart } from "./LoadChart";
import { overCapacity, rolesOf } from "./load";

interface Props {
  id: number;
  name: string;
  onBack: () => void;
}

const DAYS = 7;
/** Tasks a person in a role can take per week, until the person says otherwise. */
const DEFAULT_CAPACITY = 20;

type Tab = "tasks" | "load";

export function TasksScreen({ id, name, onBack }: Props) {
  const [tasks, setTasks] = useState<TaskItem[] | null>(null);
  const [, once] = useSingleFlight();
  const [tab, setTab] = useState<Tab>("tasks");
  const [role, setRole] = useState("");
  const [priority, setPriority] = useState("");
  const [weeks, setWeeks] = useState(12);
  const [capacity, setCapacity] = useState<Record<string, number>>({});
  const [load, setLoad] = useState<WeekLoad[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    api.journeyTasks(id, DAYS).then(setTasks, (e) => setError(toAppError(e)));
  }, [id]);

  // Every role the rules give work to, this week or in the weeks replayed.
  const roles = useMemo(() => rolesOf(tasks ?? [], load), [tasks, load]);
  const capacityOf = (r: string) => capacity[r] ?? DEFAULT_CAPACITY;
  // The replay asks for every known role's capacity; a new role found in it asks again,
  // once (the key only changes when the set of roles does).
  const rolesKey = roles.join("\n");

  useEffect(() => {
    const caps: Record<string, number> = {};
    for (const r of rolesKey.split("\n").filter(Boolean)) caps[r] = capacity[r] ?? DEFAULT_CAPACITY;
    api.tasksDryRun(id, weeks, caps).then(setLoad, (e) => setError(toAppError(e)));
  }, [id, weeks, capacity, rolesKey]);

  useEscape(onBack);

  const shown = (tasks ?? []).filter(
    (t) => (!role || t.role === role) && (!priority || t.priority === priority),
  );
  const byOwner = new Map<string, TaskItem[]>();
  for (const t of shown) {
    const o = t.owner ?? "No owner";
    byOwner.set(o, [...(byOwner.get(o) ?? []), t]);
  }
  const chartRoles = role ? [role] : roles;
  const over = overCapacity(load, chartRoles);

  const exportCsv = () =>
    once(async () => {
      try {
        const path = await api.pickCsvPath(`tasks-${new Date().toISOString().slice(0, 10)}.csv`);
        if (!path) return;
        await api.exportTasksCsv(id, DAYS, path);
        setNotice(`Saved ${path}`);
      } catch (e) {
        setError(toAppError(e));
      }
    });

  return (
    <div className="journey-screen tasks-screen">
      <header className="topbar">
        <BackButton label="Journey" onBack={onBack} />
        <div className="topbar-title">
          <h1>Tasks — {name}</h1>
          {tasks && (
            <span className="data-meta" data-testid="tasks-meta">
              {shown.length === tasks.length
                ? `${count(tasks.length)} created by the rules in the last ${DAYS} days`
                : `${count(shown.length)} of ${count(tasks.length)} created by the rules in the last ${DAYS} days`}
            </span>
          )}
        </div>
        <div className="topbar-actions">
          {notice && <span className="notice">{notice}</span>}
          <FilterSelect
            label="Role"
            value={role}
            onChange={setRole}
            options={roles}
            testId="task-role"
          />
          <FilterSelect
            label="Priority"
            value={priority}
            onChange={setPriority}
            testId="task-priority"
            options={[
              { value: "high", label: "High" },
              { value: "medium", label: "Medium" },
              { value: "low", label: "Low" },
            ]}
          />
          <button type="button" className="button" onClick={exportCsv} disabled={!tasks?.length}>
            Export CSV…
          </button>
          <ThemeButton />
        </div>
      </header>
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      <Tabs
        label="Tasks views"
        active={tab}
        onSelect={(t) => setTab(t as Tab)}
        items={[
          {
            id: "tasks",
            testId: "tab-tasks",
            label: (
              <>This week{tasks && <span className="tab-count">{count(shown.length)}</span>}</>
            ),
          },
          {
            id: "load",
            testId: "tab-load",
            label: (
              <>
                Load per week
                {over > 0 && (
                  <span className="tab-count tab-count-warn" title="Owner-weeks over capacity">
                    {count(over)} over
                  </span>
                )}
              </>
            ),
          },
        ]}
      />
      <main className="funnel-main">
        {tab === "tasks" ? (
          <TaskList tasks={tasks} byOwner={byOwner} />
        ) : (
          <section className="panel-card" data-testid="dry-run">
            <h2>
              Dry run{" "}
              <span className="muted">
                what the rules asked of each person in the {weeks} weeks up to the as-of date; the
                last week is this week's list
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
        )}
      </main>
    </div>
  );
}

function TaskList({
  tasks,
  byOwner,
}: {
  tasks: TaskItem[] | null;
  byOwner: Map<string, TaskItem[]>;
}) {
  if (tasks === null) return <p className="muted">Computing…</p>;
  if (tasks.length === 0)
    return (
      <div className="empty-state data-empty">
        <p className="empty-title">No tasks this week</p>
        <p className="muted">
          Plays with a trigger (stage entered, milestone reached, stuck, recurring, health turned
          red) create tasks on the day customers meet them. Import customer data, or give plays a
          trigger in the journey.
        </p>
      </div>
    );
  return (
    <section className="task-owners" data-testid="task-list">
      {[...byOwner.entries()].map(([owner, list]) => (
        <div key={owner} className="panel-card">
          <h2>
            {owner} <span className="muted">{count(list.length)} tasks</span>
          </h2>
          {list.slice(0, 50).map((t) => (
            <div
              key={`${t.customer}-${t.activity}-${t.created}`}
              className="task-row"
              data-testid="task-row"
            >
              <span className={`chip priority-${t.priority}`}>{t.priority}</span>
              <span className="task-due">due {t.due}</span>
              <span className="task-title">
                <strong>{t.title}</strong> · {t.customer_name ?? t.customer}
                {t.role && <span className="muted"> · {t.role}</span>}
                <span className="muted"> — {t.reason}</span>
              </span>
            </div>
          ))}
          {list.length > 50 && (
            <p className="muted">… and {count(list.length - 50)} more (in the CSV)</p>
          )}
        </div>
      ))}
    </section>
  );
}
