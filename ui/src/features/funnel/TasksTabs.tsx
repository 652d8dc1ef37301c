// The Tasks view's two tabs with their counts: this week's list, the load per week.
import type { TaskItem } from "../../bindings/TaskItem";
import { Tabs } from "../../components/Tabs";
import { count } from "../../components/text";

export type TasksTab = "tasks" | "load";

interface Props {
  tab: TasksTab;
  onTab: (tab: TasksTab) => void;
  tasks: TaskItem[] | null;
  shown: number;
  /** Owner-weeks over capacity. */
  over: number;
}

export function TasksTabs({ tab, onTab, tasks, shown, over }: Props) {
  return (
    <Tabs
      label="Tasks views"
      active={tab}
      onSelect={(t) => onTab(t as TasksTab)}
      items={[
        {
          id: "tasks",
          testId: "tab-tasks",
          label: <>This week{tasks && <span className="tab-count">{count(shown)}</span>}</>,
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
  );
}
