// Pure helpers of the Tasks view's dry run: which roles it covers and how many
// owner-weeks went over their role's capacity.
import type { TaskItem } from "../../bindings/TaskItem";
import type { WeekLoad } from "../../bindings/WeekLoad";

/** Every role the rules give work to, this week or in the weeks replayed, sorted. */
export function rolesOf(tasks: TaskItem[], load: WeekLoad[]): string[] {
  const all = [...tasks.map((t) => t.role), ...load.map((w) => w.role)];
  return [...new Set(all.filter((r): r is string => !!r))].sort();
}

/** Owner-weeks over capacity among the given roles, each against its own capacity. */
export function overCapacity(load: WeekLoad[], roles: string[]): number {
  return load.filter((w) => w.over && w.role !== null && roles.includes(w.role)).length;
}
