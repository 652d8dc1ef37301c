// This week's tasks from the playbook's rules, by owner, with filters and a
// spreadsheet-safe CSV export; and the rules' dry run over past weeks, every role against
// its own capacity. Two tabs, so the load is one click away rather than below the list.
import { useState } from "react";
import { ErrorBanner } from "../../components/ErrorBanner";
import { useEscape } from "../../components/useEscape";
import type { AppError } from "../../ipc";
import { DryRun } from "./DryRun";
import { overCapacity } from "./load";
import { TaskList } from "./TaskList";
import { type TasksTab, TasksTabs } from "./TasksTabs";
import { TasksTopbar } from "./TasksTopbar";
import { useTaskLoad } from "./useTaskLoad";
import { useTasks } from "./useTasks";
import { useTasksCsv } from "./useTasksCsv";

interface Props {
  id: number;
  name: string;
  onBack: () => void;
}

export function TasksScreen({ id, name, onBack }: Props) {
  const [error, setError] = useState<AppError | null>(null);
  const [tab, setTab] = useState<TasksTab>("tasks");
  const list = useTasks(id, setError);
  const dry = useTaskLoad(id, list.tasks, setError);
  const csv = useTasksCsv(id, setError);

  useEscape(onBack);

  const chartRoles = list.role ? [list.role] : dry.roles;
  const over = overCapacity(dry.load, chartRoles);

  return (
    <div className="journey-screen tasks-screen">
      <TasksTopbar
        name={name}
        list={list}
        roles={dry.roles}
        notice={csv.notice}
        onExport={csv.exportCsv}
        onBack={onBack}
      />
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      <TasksTabs
        tab={tab}
        onTab={setTab}
        tasks={list.tasks}
        shown={list.shown.length}
        over={over}
      />
      <main className="funnel-main">
        {tab === "tasks" ? (
          <TaskList tasks={list.tasks} byOwner={list.byOwner} />
        ) : (
          <DryRun dry={dry} role={list.role} roles={chartRoles} over={over} />
        )}
      </main>
    </div>
  );
}
