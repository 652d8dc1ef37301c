// The rules' dry run over past weeks, every role against its own capacity.
import { type Dispatch, type SetStateAction, useEffect, useMemo, useState } from "react";
import type { TaskItem } from "../../bindings/TaskItem";
import type { WeekLoad } from "../../bindings/WeekLoad";
import { type AppError, api, toAppError } from "../../ipc";
import { rolesOf } from "./load";

/** Tasks a person in a role can take per week, until the person says otherwise. */
const DEFAULT_CAPACITY = 20;

export interface TaskLoad {
  /** Every role the rules give work to, this week or in the weeks replayed. */
  roles: string[];
  weeks: number;
  setWeeks: (weeks: number) => void;
  capacityOf: (role: string) => number;
  setCapacity: Dispatch<SetStateAction<Record<string, number>>>;
  load: WeekLoad[];
}

export function useTaskLoad(
  id: number,
  tasks: TaskItem[] | null,
  onError: (e: AppError) => void,
): TaskLoad {
  const [weeks, setWeeks] = useState(12);
  const [capacity, setCapacity] = useState<Record<string, number>>({});
  const [load, setLoad] = useState<WeekLoad[]>([]);

  // Every role the rules give work to, this week or in the weeks replayed.
  const roles = useMemo(() => rolesOf(tasks ?? [], load), [tasks, load]);
  const capacityOf = (r: string) => capacity[r] ?? DEFAULT_CAPACITY;
  // The replay asks for every known role's capacity; a new role found in it asks again,
  // once (the key only changes when the set of roles does).
  const rolesKey = roles.join("\n");

  useEffect(() => {
    const caps: Record<string, number> = {};
    for (const r of rolesKey.split("\n").filter(Boolean)) caps[r] = capacity[r] ?? DEFAULT_CAPACITY;
    api.tasksDryRun(id, weeks, caps).then(setLoad, (e) => onError(toAppError(e)));
  }, [id, weeks, capacity, rolesKey, onError]);

  return { roles, weeks, setWeeks, capacityOf, setCapacity, load };
}
