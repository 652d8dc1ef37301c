// The Tasks view's top bar: how many tasks, the role and priority filters, the CSV export.
import { BackButton } from "../../components/BackButton";
import { FilterSelect } from "../../components/Tabs";
import { ThemeButton } from "../../components/ThemeButton";
import { count } from "../../components/text";
import { DAYS, type Tasks } from "./useTasks";

interface Props {
  name: string;
  list: Tasks;
  /** The roles to filter by. */
  roles: string[];
  notice: string | null;
  onExport: () => void;
  onBack: () => void;
}

export function TasksTopbar({ name, list, roles, notice, onExport, onBack }: Props) {
  const { tasks, shown } = list;
  return (
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
          value={list.role}
          onChange={list.setRole}
          options={roles}
          testId="task-role"
        />
        <FilterSelect
          label="Priority"
          value={list.priority}
          onChange={list.setPriority}
          testId="task-priority"
          options={[
            { value: "high", label: "High" },
            { value: "medium", label: "Medium" },
            { value: "low", label: "Low" },
          ]}
        />
        <button type="button" className="button" onClick={onExport} disabled={!tasks?.length}>
          Export CSV…
        </button>
        <ThemeButton />
      </div>
    </header>
  );
}
