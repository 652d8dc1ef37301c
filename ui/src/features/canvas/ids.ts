// Canvas node ids carry the kind of journey object they show: `milestone:first-cycle`,
// `role:csm@stage:onboard` (a role appears once per stage whose team it is on).
import type { ItemKind } from "../editor/ops";

const KINDS: readonly ItemKind[] = ["stage", "milestone", "activity", "role", "metric", "note"];

export function nodeId(kind: ItemKind, id: string): string {
  return `${kind}:${id}`;
}

/** The journey object a node or edge shows, or null for scenery (lanes, buttons, edges). */
export function itemOf(node: string): { kind: ItemKind; id: string } | null {
  const colon = node.indexOf(":");
  const kind = node.slice(0, colon) as ItemKind;
  if (colon < 0 || !KINDS.includes(kind)) return null;
  const rest = node.slice(colon + 1);
  return { kind, id: kind === "role" ? rest.slice(0, rest.lastIndexOf("@")) : rest };
}

/** A role card's node id: the role in one stage's team, or among the roles with none. */
export function roleNodeId(role: string, stage: string | null): string {
  return stage === null ? `role:${role}@unassigned` : `role:${role}@stage:${stage}`;
}

/** The role and the stage (null: none) a role card stands for. */
export function roleCardOf(node: string): { role: string; stage: string | null } | null {
  const m = /^role:(.*)@(?:stage:(.*)|unassigned)$/.exec(node);
  return m ? { role: m[1] as string, stage: m[2] ?? null } : null;
}

/** An activity → milestone edge id, as `layoutJourney` makes them. */
export function supportOf(edge: string): { activity: string; milestone: string } | null {
  const m = /^supports:(.*)->(.*)$/.exec(edge);
  return m ? { activity: m[1] as string, milestone: m[2] as string } : null;
}

export function supportEdgeId(activity: string, milestone: string): string {
  return `supports:${activity}->${milestone}`;
}
