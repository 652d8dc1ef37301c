// Copy and paste of cards within a journey: pasted cards get new ids, land next to their
// originals, and keep only references that still resolve.
import type { Activity } from "../../bindings/Activity";
import type { Journey } from "../../bindings/Journey";
import type { Metric } from "../../bindings/Metric";
import type { Milestone } from "../../bindings/Milestone";
import type { Role } from "../../bindings/Role";
import type { Stage } from "../../bindings/Stage";
import type { StickyNote } from "../../bindings/StickyNote";
import { allMilestones } from "../../components/text";
import { nodeId } from "../canvas/ids";
import { findMilestone, type ItemKind, newId } from "./ops";

export type Clip =
  | { kind: "stage"; item: Stage; after: string }
  | { kind: "milestone"; item: Milestone; stageId: string }
  | { kind: "activity"; item: Activity }
  | { kind: "metric"; item: Metric }
  | { kind: "role"; item: Role }
  | { kind: "note"; item: StickyNote };

export function copyItem(j: Journey, kind: ItemKind, id: string): Clip[] {
  switch (kind) {
    case "stage": {
      const s = j.stages.find((x) => x.id === id);
      return s ? [{ kind, item: structuredClone(s), after: s.id }] : [];
    }
    case "milestone": {
      const f = findMilestone(j, id);
      return f ? [{ kind, item: structuredClone(f.milestone), stageId: f.stage.id }] : [];
    }
    case "activity": {
      const a = j.activities.find((x) => x.id === id);
      return a ? [{ kind, item: structuredClone(a) }] : [];
    }
    case "metric": {
      const m = j.metrics.find((x) => x.id === id);
      return m ? [{ kind, item: structuredClone(m) }] : [];
    }
    case "role": {
      const r = j.roles.find((x) => x.id === id);
      return r ? [{ kind, item: structuredClone(r) }] : [];
    }
    case "note": {
      const n = j.notes.find((x) => x.id === id);
      return n ? [{ kind, item: structuredClone(n) }] : [];
    }
  }
}

/** Pastes clips; returns the journey and the canvas node ids of what was pasted. */
export function pasteItems(j: Journey, clips: Clip[]): [Journey, string[]] {
  let out = j;
  const made: string[] = [];
  for (const clip of clips) {
    const id = newId(out, clip.item.id, clip.kind);
    switch (clip.kind) {
      case "stage": {
        const stages = [...out.stages];
        const at = stages.findIndex((s) => s.id === clip.after);
        const copy: Stage = { ...clip.item, id, milestones: [] };
        stages.splice(at < 0 ? stages.length : at + 1, 0, copy);
        out = { ...out, stages };
        for (const m of clip.item.milestones) {
          const mid = newId(out, m.id, "milestone");
          out = {
            ...out,
            stages: out.stages.map((s) =>
              s.id === id ? { ...s, milestones: [...s.milestones, { ...m, id: mid }] } : s,
            ),
          };
        }
        break;
      }
      case "milestone": {
        const target = out.stages.some((s) => s.id === clip.stageId)
          ? clip.stageId
          : out.stages[0]?.id;
        out = {
          ...out,
          stages: out.stages.map((s) =>
            s.id === target ? { ...s, milestones: [...s.milestones, { ...clip.item, id }] } : s,
          ),
        };
        break;
      }
      case "activity": {
        const milestones = new Set(allMilestones(out).map((m) => m.id));
        const stage = out.stages.some((s) => s.id === clip.item.stage)
          ? clip.item.stage
          : out.stages[0]?.id;
        if (!stage) continue;
        const copy: Activity = {
          ...clip.item,
          id,
          stage,
          role:
            clip.item.role && out.roles.some((r) => r.id === clip.item.role)
              ? clip.item.role
              : undefined,
          milestones: clip.item.milestones.filter((m) => milestones.has(m)),
        };
        out = { ...out, activities: [...out.activities, copy] };
        break;
      }
      case "metric": {
        const stage = out.stages.some((s) => s.id === clip.item.stage)
          ? clip.item.stage
          : out.stages[0]?.id;
        if (!stage) continue;
        out = { ...out, metrics: [...out.metrics, { ...clip.item, id, stage }] };
        break;
      }
      case "role":
        out = {
          ...out,
          roles: [...out.roles, { ...clip.item, id, name: `${clip.item.name} (copy)` }],
        };
        break;
      case "note":
        out = {
          ...out,
          notes: [...out.notes, { ...clip.item, id, x: clip.item.x + 32, y: clip.item.y + 32 }],
        };
        break;
    }
    made.push(nodeId(clip.kind, id));
  }
  return [out, made];
}

/** Every card on the canvas (not stages), for select-all. */
export function allItemNodeIds(j: Journey): string[] {
  return [
    ...allMilestones(j).map((m) => nodeId("milestone", m.id)),
    ...j.activities.map((a) => nodeId("activity", a.id)),
    ...j.metrics.map((m) => nodeId("metric", m.id)),
    ...j.notes.map((n) => nodeId("note", n.id)),
  ];
}
