// This week's tasks by owner, the first fifty of each (the CSV has them all).
import type { TaskItem } from "../../bindings/TaskItem";
import { count } from "../../components/text";

export function TaskList({
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
