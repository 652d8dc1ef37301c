// Every edit a person can make to a journey, as a pure function: journey in, journey out.
// The editor keeps old journeys for undo, so nothing here mutates its input.
import type { Activity } from "../../bindings/Activity";
import type { Journey } from "../../bindings/Journey";
import type { Metric } from "../../bindings/Metric";
import type { Milestone } from "../../bindings/Milestone";
import type { Role } from "../../bindings/Role";
import type { Stage } from "../../bindings/Stage";
import type { StickyNote } from "../../bindings/StickyNote";
import { slug } from "../../components/text";

export type ItemKind = "stage" | "milestone" | "activity" | "role" | "metric" | "note";

/** All ids in use, across kinds, so new ids never collide with anything. */
function usedIds(j: Journey): Set<string> {
  return new Set([
    ...j.stages.map((s) => s.id),
    ...j.stages.flatMap((s) => s.milestones.map((m) => m.id)),
    ...j.roles.map((r) => r.id),
    ...j.activities.map((a) => a.id),
    ...j.metrics.map((m) => m.id),
    ...j.matrices.map((m) => m.id),
    ...j.notes.map((n) => n.id),
  ]);
}

/** A readable id from a name (`"First value!"` → `first-value`), unique in the journey. */
export function newId(j: Journey, name: string, fallback: string): string {
  const base = slug(name) || fallback;
  const used = usedIds(j);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

function move<T>(list: T[], from: number, to: number): T[] {
  const out = [...list];
  const [item] = out.splice(from, 1);
  if (item === undefined) return list;
  out.splice(Math.max(0, Math.min(to, out.length)), 0, item);
  return out;
}

/** Empty optional text is stored as absent, not as "". */
export function optionalText(value: string): string | undefined {
  return value.trim() === "" ? undefined : value;
}

// ---- stages ----

export function addStage(j: Journey, name = "New stage", at = j.stages.length): [Journey, string] {
  const id = newId(j, name, "stage");
  const stage: Stage = { id, name, milestones: [] };
  const stages = [...j.stages];
  stages.splice(at, 0, stage);
  return [{ ...j, stages }, id];
}

export function updateStage(
  j: Journey,
  id: string,
  patch: Partial<Omit<Stage, "id" | "milestones">>,
): Journey {
  return { ...j, stages: j.stages.map((s) => (s.id === id ? { ...s, ...patch } : s)) };
}

export function moveStage(j: Journey, id: string, to: number): Journey {
  const from = j.stages.findIndex((s) => s.id === id);
  return from < 0 ? j : { ...j, stages: move(j.stages, from, to) };
}

/** What deleting a stage takes with it, for the confirmation. */
export function stageContents(j: Journey, id: string) {
  return {
    milestones: j.stages.find((s) => s.id === id)?.milestones.length ?? 0,
    activities: j.activities.filter((a) => a.stage === id).length,
    metrics: j.metrics.filter((m) => m.stage === id).length,
  };
}

/** Deletes a stage with its milestones, plays and metrics, and every reference to them. */
export function deleteStage(j: Journey, id: string): Journey {
  const stage = j.stages.find((s) => s.id === id);
  if (!stage) return j;
  return withoutItems(j, {
    stages: new Set([id]),
    milestones: new Set(stage.milestones.map((m) => m.id)),
    activities: new Set(j.activities.filter((a) => a.stage === id).map((a) => a.id)),
    metrics: new Set(j.metrics.filter((m) => m.stage === id).map((m) => m.id)),
  });
}

/** What a deletion takes away: the item and everything that belongs to it. */
interface Gone {
  stages?: Set<string>;
  milestones?: Set<string>;
  activities?: Set<string>;
  metrics?: Set<string>;
  roles?: Set<string>;
}

/** The one rule of every deletion: the items go, and so does every reference to them —
 * a play's milestones, its "milestone reached" trigger and its owner, a role's stage
 * teams, a stage's health metrics and actions. Nothing is left pointing at nothing. */
function withoutItems(j: Journey, gone: Gone): Journey {
  const has = (set: Set<string> | undefined, id: string | null | undefined) =>
    id != null && (set?.has(id) ?? false);
  const keep = (set: Set<string> | undefined, id: string | undefined) =>
    has(set, id) ? undefined : id;
  return {
    ...j,
    stages: j.stages
      .filter((s) => !has(gone.stages, s.id))
      .map((s) => ({
        ...s,
        milestones: s.milestones.filter((m) => !has(gone.milestones, m.id)),
        ...(s.health
          ? {
              health: {
                ...s.health,
                metrics: s.health.metrics.filter((m) => !has(gone.metrics, m)),
                green_action: keep(gone.activities, s.health.green_action),
                grey_action: keep(gone.activities, s.health.grey_action),
                red_action: keep(gone.activities, s.health.red_action),
              },
            }
          : {}),
      })),
    activities: j.activities
      .filter((a) => !has(gone.activities, a.id))
      .map((a) => ({
        ...a,
        milestones: a.milestones.filter((m) => !has(gone.milestones, m)),
        trigger:
          a.trigger?.kind === "milestone_reached" && has(gone.milestones, a.trigger.milestone)
            ? undefined
            : a.trigger,
        role: keep(gone.roles, a.role ?? undefined),
      })),
    metrics: j.metrics.filter((m) => !has(gone.metrics, m.id)),
    ...(j.capabilities
      ? {
          capabilities: j.capabilities.map((c) =>
            c.activities?.some((a) => has(gone.activities, a))
              ? { ...c, activities: c.activities.filter((a) => !has(gone.activities, a)) }
              : c,
          ),
        }
      : {}),
    roles: j.roles
      .filter((r) => !has(gone.roles, r.id))
      .map((r) =>
        r.stages?.some((s) => has(gone.stages, s))
          ? { ...r, stages: r.stages.filter((s) => !has(gone.stages, s)) }
          : r,
      ),
  };
}

// ---- milestones ----

export function findMilestone(
  j: Journey,
  id: string,
): { stage: Stage; milestone: Milestone; index: number } | null {
  for (const stage of j.stages) {
    const index = stage.milestones.findIndex((m) => m.id === id);
    const milestone = stage.milestones[index];
    if (milestone) return { stage, milestone, index };
  }
  return null;
}

export function addMilestone(
  j: Journey,
  stageId: string,
  name = "New milestone",
): [Journey, string] {
  const id = newId(j, name, "milestone");
  const milestone: Milestone = { id, name, first_value: false, criteria: [], tasks: [] };
  return [
    {
      ...j,
      stages: j.stages.map((s) =>
        s.id === stageId ? { ...s, milestones: [...s.milestones, milestone] } : s,
      ),
    },
    id,
  ];
}

export function updateMilestone(
  j: Journey,
  id: string,
  patch: Partial<Omit<Milestone, "id">>,
): Journey {
  return {
    ...j,
    stages: j.stages.map((s) => ({
      ...s,
      milestones: s.milestones.map((m) => (m.id === id ? { ...m, ...patch } : m)),
    })),
  };
}

/** Moves a milestone to a position in a stage (its own or another): the funnel order. */
export function moveMilestone(j: Journey, id: string, stageId: string, index: number): Journey {
  const found = findMilestone(j, id);
  if (!found || !j.stages.some((s) => s.id === stageId)) return j;
  const without = j.stages.map((s) => ({
    ...s,
    milestones: s.milestones.filter((m) => m.id !== id),
  }));
  return {
    ...j,
    stages: without.map((s) => {
      if (s.id !== stageId) return s;
      const milestones = [...s.milestones];
      milestones.splice(Math.max(0, Math.min(index, milestones.length)), 0, found.milestone);
      return { ...s, milestones };
    }),
  };
}

export function deleteMilestone(j: Journey, id: string): Journey {
  return withoutItems(j, { milestones: new Set([id]) });
}

// ---- activities (playbook) ----

export function addActivity(j: Journey, stageId: string, name = "New play"): [Journey, string] {
  const id = newId(j, name, "play");
  const activity: Activity = { id, name, stage: stageId, milestones: [] };
  return [{ ...j, activities: [...j.activities, activity] }, id];
}

export function updateActivity(
  j: Journey,
  id: string,
  patch: Partial<Omit<Activity, "id">>,
): Journey {
  return { ...j, activities: j.activities.map((a) => (a.id === id ? { ...a, ...patch } : a)) };
}

/** Moves an item that belongs to a stage (a play, a metric) to `index` among that
 * stage's items of its kind. */
function moveInStage<T extends { id: string; stage: string }>(
  list: T[],
  id: string,
  stageId: string,
  index: number,
): T[] {
  const item = list.find((x) => x.id === id);
  if (!item) return list;
  const others = list.filter((x) => x.id !== id);
  const inStage = others.filter((x) => x.stage === stageId);
  const anchor = inStage[Math.max(0, Math.min(index, inStage.length))];
  const at = anchor ? others.indexOf(anchor) : others.length;
  others.splice(at, 0, { ...item, stage: stageId });
  return others;
}

/** Moves a play to a stage, at `index` among that stage's plays. */
export function moveActivity(j: Journey, id: string, stageId: string, index: number): Journey {
  return { ...j, activities: moveInStage(j.activities, id, stageId, index) };
}

export function connect(j: Journey, activityId: string, milestoneId: string): Journey {
  return {
    ...j,
    activities: j.activities.map((a) =>
      a.id === activityId && !a.milestones.includes(milestoneId)
        ? { ...a, milestones: [...a.milestones, milestoneId] }
        : a,
    ),
  };
}

export function disconnect(j: Journey, activityId: string, milestoneId: string): Journey {
  return {
    ...j,
    activities: j.activities.map((a) =>
      a.id === activityId ? { ...a, milestones: a.milestones.filter((m) => m !== milestoneId) } : a,
    ),
  };
}

export function deleteActivity(j: Journey, id: string): Journey {
  return withoutItems(j, { activities: new Set([id]) });
}

// ---- roles ----

/** Adds a role, on the team of `stageId` when given. */
export function addRole(j: Journey, name = "New role", stageId?: string): [Journey, string] {
  const id = newId(j, name, "role");
  const role: Role = stageId ? { id, name, stages: [stageId] } : { id, name };
  return [{ ...j, roles: [...j.roles, role] }, id];
}

/** The roles on a stage's team: those named for it and those owning one of its plays, in
 * the journey's role order. */
export function stageRoles(j: Journey, stageId: string): Role[] {
  return j.roles.filter(
    (r) =>
      (r.stages ?? []).includes(stageId) ||
      j.activities.some((a) => a.stage === stageId && a.role === r.id),
  );
}

/** Moves a role card from one stage's team (null: from the roles with no stage) to
 * another's, at `index` among that team. A role keeps showing where it owns plays. */
export function moveRole(
  j: Journey,
  id: string,
  from: string | null,
  to: string,
  index: number,
): Journey {
  const role = j.roles.find((r) => r.id === id);
  if (!role) return j;
  const stages = (role.stages ?? []).filter((s) => s !== from && s !== to);
  const moved: Role = { ...role, stages: [...stages, to] };
  const others = j.roles.filter((r) => r.id !== id);
  const team = stageRoles({ ...j, roles: others }, to);
  const anchor = team[Math.max(0, index)];
  const last = team.at(-1);
  const at = anchor ? others.indexOf(anchor) : last ? others.indexOf(last) + 1 : others.length;
  others.splice(at, 0, moved);
  return { ...j, roles: others };
}

export function updateRole(j: Journey, id: string, patch: Partial<Omit<Role, "id">>): Journey {
  return { ...j, roles: j.roles.map((r) => (r.id === id ? { ...r, ...patch } : r)) };
}

/** Deletes a role; the plays it owned keep running, with no owner. */
export function deleteRole(j: Journey, id: string): Journey {
  return withoutItems(j, { roles: new Set([id]) });
}

// ---- metrics ----

export function addMetric(j: Journey, stageId: string, name = "New metric"): [Journey, string] {
  const id = newId(j, name, "metric");
  const metric: Metric = {
    id,
    name,
    stage: stageId,
    event: "event_name",
    aggregate: "count",
    direction: "higher",
  };
  return [{ ...j, metrics: [...j.metrics, metric] }, id];
}

export function updateMetric(j: Journey, id: string, patch: Partial<Omit<Metric, "id">>): Journey {
  return { ...j, metrics: j.metrics.map((m) => (m.id === id ? { ...m, ...patch } : m)) };
}

export function moveMetric(j: Journey, id: string, stageId: string, index: number): Journey {
  return { ...j, metrics: moveInStage(j.metrics, id, stageId, index) };
}

export function deleteMetric(j: Journey, id: string): Journey {
  return withoutItems(j, { metrics: new Set([id]) });
}

// ---- sticky notes ----

export function addNote(
  j: Journey,
  x: number,
  y: number,
  color: StickyNote["color"] = "yellow",
  author?: string,
): [Journey, string] {
  const id = newId(j, `note-${j.notes.length + 1}`, "note");
  const note: StickyNote = { id, text: "", color, x, y, votes: 0, ...(author ? { author } : {}) };
  return [{ ...j, notes: [...j.notes, note] }, id];
}

export function updateNote(
  j: Journey,
  id: string,
  patch: Partial<Omit<StickyNote, "id">>,
): Journey {
  return { ...j, notes: j.notes.map((n) => (n.id === id ? { ...n, ...patch } : n)) };
}

export function deleteNote(j: Journey, id: string): Journey {
  return { ...j, notes: j.notes.filter((n) => n.id !== id) };
}

/** Deletes any item by kind and id. */
export function deleteItem(j: Journey, kind: ItemKind, id: string): Journey {
  switch (kind) {
    case "stage":
      return deleteStage(j, id);
    case "milestone":
      return deleteMilestone(j, id);
    case "activity":
      return deleteActivity(j, id);
    case "role":
      return deleteRole(j, id);
    case "metric":
      return deleteMetric(j, id);
    case "note":
      return deleteNote(j, id);
  }
}
