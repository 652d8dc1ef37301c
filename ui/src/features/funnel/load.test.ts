import { describe, expect, it } from "vitest";
import type { TaskItem } from "../../bindings/TaskItem";
import type { WeekLoad } from "../../bindings/WeekLoad";
import { overCapacity, rolesOf } from "./load";

const week = (role: string | null, tasks: number, capacity: number): WeekLoad => ({
  week: "2025-12-25",
  owner: "Ana",
  role,
  tasks,
  capacity,
  over: tasks > capacity,
});

describe("the dry run", () => {
  it("covers every role, those with no task this week too", () => {
    const tasks = [{ role: "CSM" }, { role: null }, { role: "Support" }] as TaskItem[];
    expect(rolesOf(tasks, [week("Account manager", 1, 5), week("CSM", 2, 5)])).toEqual([
      "Account manager",
      "CSM",
      "Support",
    ]);
  });

  it("counts owner-weeks over capacity for every role when All is chosen", () => {
    const load = [week("CSM", 30, 20), week("Support", 12, 10), week("Account manager", 3, 10)];
    expect(overCapacity(load, ["Account manager", "CSM", "Support"])).toBe(2);
    expect(overCapacity(load, ["CSM"])).toBe(1);
    expect(overCapacity(load, ["Account manager"])).toBe(0);
  });
});
