// Today's tasks from the playbook's rules, by owner, with filters and a spreadsheet-safe
// CSV export; and the rules' dry run over past weeks against a capacity per role.
import { useEffect, useMemo, useState } from "react";
import type { TaskItem } from "../../bindings/TaskItem";
import type { WeekLoad } from "../../bindings/WeekLoad";
import { BackButton } from "../../components/BackButton";
import { ErrorBanner } from "../../components/ErrorBanner";
import { ThemeButton } from "../../components/ThemeButton";
import { useEscape } from "../../components/useEscape";
import { type AppError, api, toAppError } from "../../ipc";
import { count } from "../data/format";
import { LoadChart } from "./LoadChart";

interface Props {
  id: number;
  name: string;
  onBack: () => void;
}

const DAYS = 7;

export function TasksScreen({ id, name, onBack }: Props) {
  const [tasks, setTasks] = useState<TaskItem[] | null>(null);
  const [role, setRole] = useState("");
  const [priority, setPriority] = useState("");
  const [weeks, setWeeks] = useState(12);
  const [capacity, setCapacity] = useState(20);
  const [load, setLoad] = useState<WeekLoad[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    api.journeyTasks(id, DAYS).then(setTasks, (e) => setError(toAppError(e)));
  }, [id]);

  const roles = useMemo(
    () => [...new Set((tasks ?? []).map((t) => t.role).filter((r): r is string => !!r))].sort(),
    [tasks],
  );
  const chartRole = role || roles[0] || "";

  useEffect(() => {
    if (!chartRole) return;
    api.tasksDryRun(id, weeks, { [chartRole]: capacity }).then(
      (l) => setLoad(l.filter((w) => w.role === chartRole)),
      (e) => setError(toAppError(e)),
    );
  }, [id, weeks, capacity, chartRole]);

  useEscape(onBack);

  const shown = (tasks ?? []).filter(
    (t) => (!role || t.role === role) && (!priority || t.priority === priority),
  );
  const byOwner = new Map<string, TaskItem[]>();
  for (const t of shown) {
    const o = t.owner ?? "No owner";
    byOwner.set(o, [...(byOwner.get(o) ?? []), t]);
  }

  const exportCsv = async () => {
    try {
      const path = await api.pickCsvPath(`tasks-${new Date().toISOString().slice(0, 10)}.csv`);
      if (!path) return;
      await api.exportTasksCsv(id, DAYS, path);
      setNotice(`Saved ${path}`);
    } catch (e) {
      setError(toAppError(e));
    }
  };

  return (
    <div className="journey-screen tasks-screen">
      <header className="topbar">
        <BackButton label="Journey" onBack={onBack} />
        <div className="topbar-title">
          <h1>Tasks — {name}</h1>
          {tasks && (
            <span className="data-meta" data-testid="tasks-meta">
              {count(tasks.length)} created by the rules in the last {DAYS} days
            </span>
          )}
        </div>
        <div className="topbar-actions">
          {notice && <span className="notice">{notice}</span>}
          <label className="inline-field">
            Role{" "}
            <select
              className="select"
              value={role}
              onChange={(e) => setRole(e.target.value)}
              data-testid="task-role"
            >
              <option value="">All</option>
              {roles.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
          </label>
          <label className="inline-field">
            Priority{" "}
            <select
              className="select"
              value={priority}
              onChange={(e) => setPriority(e.target.value)}
            >
              <option value="">All</option>
              <option value="high">High</option>
              <option value="medium">Medium</option>
              <option value="low">Low</option>
            </select>
          </label>
          <button type="button" className="button" onClick={exportCsv} disabled={!tasks?.length}>
            Export CSV…
          </button>
          <ThemeButton />
        </div>
      </header>
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      <main className="funnel-main">
        {tasks === null ? (
          <p className="muted">Computing…</p>
        ) : tasks.length === 0 ? (
          <div className="empty-state data-empty">
            <p className="empty-title">No tasks this week</p>
            <p className="muted">
              Plays with a trigger (stage entered, milestone reached, stuck, recurring, health
              turned red) create tasks when customers meet them. Import customer data, or give plays
              a trigger in the journey.
            </p>
          </div>
        ) : (
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
        )}
        <section className="panel-card">
          <h2>
            Dry run{" "}
            <span className="muted">
              what the rules would have asked of each {chartRole || "role"}, week by week
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
            <label className="inline-field">
              Capacity per person per week{" "}
              <input
                className="date-input"
                type="number"
                min={1}
                value={capacity}
                data-testid="capacity"
                onChange={(e) => setCapacity(Math.max(1, Number(e.target.value) || 1))}
              />
            </label>
            <span className="muted">
              {count(load.filter((w) => w.over).length)} owner-weeks over capacity
            </span>
          </div>
          <LoadChart load={load} capacity={capacity} />
        </section>
      </main>
    </div>
  );
}
