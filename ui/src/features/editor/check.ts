// The framework check: what the Intelligent Framework asks a leadership team to question.
// "Any activities that do not support the playbook need to be questioned."
import type { Journey } from "../../bindings/Journey";
import type { ItemKind } from "./ops";

export type Rule =
  | "activity-supports-nothing"
  | "activity-without-role"
  | "milestone-without-criteria"
  | "stage-without-metric"
  | "stage-without-milestone"
  | "role-owns-nothing";

export interface Finding {
  rule: Rule;
  kind: ItemKind;
  id: string;
  message: string;
}

export function frameworkCheck(j: Journey): Finding[] {
  const findings: Finding[] = [];
  for (const s of j.stages) {
    if (s.milestones.length === 0)
      findings.push({
        rule: "stage-without-milestone",
        kind: "stage",
        id: s.id,
        message: `Stage “${s.name}” has no success milestone: how do you know a customer got there?`,
      });
    if (!j.metrics.some((m) => m.stage === s.id))
      findings.push({
        rule: "stage-without-metric",
        kind: "stage",
        id: s.id,
        message: `Stage “${s.name}” has no metric: progress there is not measured.`,
      });
    for (const m of s.milestones)
      if (m.criteria.length === 0)
        findings.push({
          rule: "milestone-without-criteria",
          kind: "milestone",
          id: m.id,
          message: `Milestone “${m.name}” has no criteria, so no customer can reach it.`,
        });
  }
  for (const a of j.activities) {
    if (a.milestones.length === 0)
      findings.push({
        rule: "activity-supports-nothing",
        kind: "activity",
        id: a.id,
        message: `“${a.name}” supports no milestone: what does it contribute to moving customers forward?`,
      });
    if (!a.role)
      findings.push({
        rule: "activity-without-role",
        kind: "activity",
        id: a.id,
        message: `“${a.name}” has no owner: which role runs it?`,
      });
  }
  for (const r of j.roles)
    if (!j.activities.some((a) => a.role === r.id))
      findings.push({
        rule: "role-owns-nothing",
        kind: "role",
        id: r.id,
        message: `Role “${r.name}” owns no play.`,
      });
  return findings;
}
