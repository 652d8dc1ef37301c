// This week's tasks from the rules, the role and priority filters, the shown ones by owner.
import { useEffect, useState } from "react";
import type { TaskItem } from "../../bindings/TaskItem";
import { type AppError, api, toAppError } from "../../ipc";

/** The tasks listed are those the rules created in this many days. */
export const DAYS = 7;

export interface Tasks {
  /** Null while computing. */
  tasks: TaskItem[] | null;
  role: string;
  setRole: (role: string) => void;
  priority: string;
  setPriority: (priority: string) => void;
  /** The tasks the filters let through, and the same by owner. */
  shown: TaskItem[];
  byOwner: Map<string, TaskItem[]>;
}

export function useTasks(id: number, onError: (e: AppError) => void): Tasks {
  const [tasks, setTasks] = useState<TaskItem[] | null>(null);
  const [role, setRole] = useState("");
  const [priority, setPriority] = useState("");

  useEffect(() => {
    api.journeyTasks(id, DAYS).then(setTasks, (e) => onError(toAppError(e)));
  }, [id, onError]);

  const shown = (tasks ?? []).filter(
    (t) => (!role || t.role === role) && (!priority || t.priority === priority),
  );
  const byOwner = new Map<string, TaskItem[]>();
  for (const t of shown) {
    const o = t.owner ?? "No owner";
    byOwner.set(o, [...(byOwner.get(o) ?? []), t]);
  }
  return { tasks, role, setRole, priority, setPriority, shown, byOwner };
}
