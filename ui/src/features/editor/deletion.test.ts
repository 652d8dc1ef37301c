// One rule for every deletion, tested once over every item of every built-in template:
// whatever is deleted, nothing in the journey is left pointing at something gone.
import { describe, expect, it } from "vitest";
import billing from "../../../../crates/milepost/templates/billing-saas.json";
import dealer from "../../../../crates/milepost/templates/dealer-photos.json";
import inbound from "../../../../crates/milepost/templates/inbound-methodology.json";
import type { Journey } from "../../bindings/Journey";
import { allMilestones } from "../../components/text";
import { deleteItem, type ItemKind } from "./ops";

/** Every reference in the journey to something that does not exist. */
function dangling(j: Journey): string[] {
  const stages = new Set(j.stages.map((s) => s.id));
  const milestones = new Set(allMilestones(j).map((m) => m.id));
  const activities = new Set(j.activities.map((a) => a.id));
  const metrics = new Set(j.metrics.map((m) => m.id));
  const roles = new Set(j.roles.map((r) => r.id));
  const out: string[] = [];
  const need = (set: Set<string>, id: string | null | undefined, where: string) => {
    if (id != null && !set.has(id)) out.push(`${where} → ${id}`);
  };
  for (const a of j.activities) {
    need(stages, a.stage, `play ${a.id} stage`);
    need(roles, a.role, `play ${a.id} owner`);
    for (const m of a.milestones) need(milestones, m, `play ${a.id} supports`);
    if (a.trigger?.kind === "milestone_reached")
      need(milestones, a.trigger.milestone, `play ${a.id} trigger`);
  }
  for (const m of j.metrics) need(stages, m.stage, `metric ${m.id} stage`);
  for (const c of j.capabilities ?? [])
    for (const a of c.activities ?? []) need(activities, a, `capability ${c.id} play`);
  for (const r of j.roles) for (const s of r.stages ?? []) need(stages, s, `role ${r.id} team`);
  for (const s of j.stages) {
    const h = s.health;
    if (!h) continue;
    for (const m of h.metrics) need(metrics, m, `stage ${s.id} health metric`);
    for (const a of [h.green_action, h.grey_action, h.red_action])
      need(activities, a, `stage ${s.id} action`);
  }
  return out;
}

const TEMPLATES = [billing, dealer, inbound] as unknown as Journey[];

describe("deleting anything", () => {
  it("leaves no reference to what is gone, for every item of every template", () => {
    for (const j of TEMPLATES) {
      expect(dangling(j)).toEqual([]);
      const items: [ItemKind, string][] = [
        ...j.stages.map((s): [ItemKind, string] => ["stage", s.id]),
        ...allMilestones(j).map((m): [ItemKind, string] => ["milestone", m.id]),
        ...j.activities.map((a): [ItemKind, string] => ["activity", a.id]),
        ...j.metrics.map((m): [ItemKind, string] => ["metric", m.id]),
        ...j.roles.map((r): [ItemKind, string] => ["role", r.id]),
      ];
      expect(items.length).toBeGreaterThan(20);
      for (const [kind, id] of items) {
        const after = deleteItem(j, kind, id);
        expect(dangling(after), `${j.name}: deleting ${kind} ${id}`).toEqual([]);
      }
    }
  });

  it("takes a stage's milestones, plays and metrics with it, and nothing else", () => {
    const j = TEMPLATES[0] as Journey;
    const after = deleteItem(j, "stage", "onboard");
    expect(after.stages.map((s) => s.id)).not.toContain("onboard");
    expect(after.activities.every((a) => a.stage !== "onboard")).toBe(true);
    expect(after.metrics.every((m) => m.stage !== "onboard")).toBe(true);
    expect(after.roles.length).toBe(j.roles.length);
    expect(allMilestones(after).length).toBe(
      allMilestones(j).length - (j.stages[0]?.milestones.length ?? 0),
    );
  });
});
