// Words and numbers for comparing two versions of a journey.
import type { Diff } from "../../bindings/Diff";
import type { Funnel } from "../../bindings/Funnel";

export const KIND_WORDS: Record<string, string> = {
  journey: "Journey",
  stage: "Stage",
  milestone: "Milestone",
  activity: "Play",
  role: "Role",
  metric: "Metric",
  matrix: "Matrix",
  note: "Note",
};

export interface FunnelRow {
  id: string;
  name: string;
  before: number | null;
  after: number | null;
  /** "+12", "−40", "0", "new", "gone" */
  change: string;
}

/** Each milestone's customers reached under both versions: the newer version's order,
 * then milestones only the older one had. */
export function funnelRows(before: Funnel, after: Funnel): FunnelRow[] {
  const old = new Map(before.milestones.map((m) => [m.id, m]));
  const rows: FunnelRow[] = after.milestones.map((m) => {
    const was = old.get(m.id);
    const diff = was ? m.reached - was.reached : null;
    return {
      id: m.id,
      name: m.name,
      before: was?.reached ?? null,
      after: m.reached,
      change: diff === null ? "new" : diff > 0 ? `+${diff}` : diff < 0 ? `−${-diff}` : "0",
    };
  });
  const now = new Set(after.milestones.map((m) => m.id));
  for (const m of before.milestones)
    if (!now.has(m.id))
      rows.push({ id: m.id, name: m.name, before: m.reached, after: null, change: "gone" });
  return rows;
}

/** Canvas marks for a comparison with the journey now: each added or changed object's
 * node id (a role by `role:ID`, for every card of it) → `mark-added` or `mark-changed`.
 * Removed objects are not on the board; the journey itself has no card. */
export function changeMarks(diff: Diff): Map<string, string> {
  const marks = new Map<string, string>();
  for (const x of diff.added)
    if (x.kind !== "journey") marks.set(`${x.kind}:${x.id}`, "mark-added");
  for (const x of diff.changed)
    if (x.kind !== "journey") marks.set(`${x.kind}:${x.id}`, "mark-changed");
  return marks;
}
