import { describe, expect, it } from "vitest";
import type { Journey } from "../../bindings/Journey";
import type { Milestone } from "../../bindings/Milestone";
import {
  type CanvasNode,
  COLUMN_GAP,
  COLUMN_WIDTH,
  columnX,
  dropTarget,
  freeNoteSpot,
  keepUnchanged,
  layoutJourney,
  type MilestoneNode,
} from "./layout";

function journey(stages: number, longName = false): Journey {
  return {
    name: "Test",
    stages: Array.from({ length: stages }, (_, i) => ({
      id: `s${i}`,
      name: `Stage ${i}`,
      milestones: [
        {
          id: `m${i}`,
          name: longName ? "A milestone with a very long name that must wrap ".repeat(3) : `M${i}`,
          first_value: false,
          criteria: [{ event: "e", aggregate: "count", op: ">=", value: 1, window_days: null }],
          tasks: [],
        },
      ],
    })),
    roles: [
      { id: "csm", name: "CSM" },
      { id: "idle", name: "Nobody's plays" },
    ],
    activities: [{ id: "a", name: "Kickoff", stage: "s1", role: "csm", milestones: ["m0"] }],
    metrics: [
      { id: "x", name: "X", stage: "s0", event: "e", aggregate: "count", direction: "higher" },
    ],
    matrices: [],
    notes: [],
  };
}

const byId = (nodes: CanvasNode[], id: string) => {
  const n = nodes.find((x) => x.id === id);
  if (!n) throw new Error(`no node ${id}`);
  return n;
};

describe("layoutJourney", () => {
  it("puts stages left to right and each card in its stage's column", () => {
    const { nodes } = layoutJourney(journey(3));
    const xs = [0, 1, 2].map((i) => byId(nodes, `stage:s${i}`).position.x);
    expect(xs).toEqual([columnX(0), columnX(1), columnX(2)]);
    const m2 = byId(nodes, "milestone:m2").position.x;
    expect(m2).toBeGreaterThanOrEqual(columnX(2));
    expect(m2).toBeLessThan(columnX(2) + COLUMN_WIDTH);
    expect(byId(nodes, "activity:a").position.x).toBeGreaterThanOrEqual(columnX(1));
  });

  it("stacks the lanes milestones, playbook, roles, metrics without overlap", () => {
    const { nodes } = layoutJourney(journey(2));
    const band = (k: string) => byId(nodes, `band:${k}`);
    const order = ["milestones", "playbook", "roles", "metrics"].map((k) => band(k));
    for (let i = 1; i < order.length; i++) {
      const prev = order[i - 1] as CanvasNode;
      const h = prev.height ?? 0;
      expect((order[i] as CanvasNode).position.y).toBeGreaterThan(prev.position.y + h - 1);
    }
  });

  it("shows a role under each stage where it runs plays and gives idle roles a column", () => {
    const { nodes } = layoutJourney(journey(2));
    expect(nodes.some((n) => n.id === "role:csm@stage:s1")).toBe(true);
    expect(nodes.some((n) => n.id === "role:csm@stage:s0")).toBe(false);
    expect(byId(nodes, "role:idle@unassigned").position.x).toBeGreaterThanOrEqual(columnX(2));
  });

  it("uses measured heights so long names push the next lane down", () => {
    const short = layoutJourney(journey(1));
    const tall = layoutJourney(journey(1), { measured: { "milestone:m0": 400 } });
    expect(byId(tall.nodes, "band:playbook").position.y).toBeGreaterThan(
      byId(short.nodes, "band:playbook").position.y + 200,
    );
  });

  it("draws an edge from each activity to each milestone it supports", () => {
    const { edges } = layoutJourney(journey(2));
    const supports = edges.filter((e) => e.type !== "path");
    expect(supports.map((e) => [e.source, e.target])).toEqual([["activity:a", "milestone:m0"]]);
  });

  it("lays out 8 stages in one row of columns", () => {
    const { nodes, width } = layoutJourney(journey(8, true));
    const headers = nodes.filter((n) => n.type === "stage");
    expect(headers).toHaveLength(9); // 8 stages + the idle-roles column
    expect(width).toBe(columnX(9) - COLUMN_GAP);
  });

  it("finds where a dragged card lands: the stage column under it and its place in the lane", () => {
    let j = journey(2);
    j = {
      ...j,
      stages: j.stages.map((s, i) =>
        i === 1
          ? {
              ...s,
              milestones: [
                ...s.milestones,
                {
                  ...(s.milestones[0] as Journey["stages"][0]["milestones"][0]),
                  id: "m1b",
                  name: "B",
                },
              ],
            }
          : s,
      ),
    };
    const layout = layoutJourney(j);
    const first = byId(layout.nodes, "milestone:m1");
    const second = byId(layout.nodes, "milestone:m1b");
    const h = 100;
    // Dropped over stage 1, above its first card: index 0.
    expect(
      dropTarget(layout, "milestones", "milestone:m0", columnX(1), first.position.y - 60, h),
    ).toEqual({
      stageId: "s1",
      index: 0,
    });
    // Below both cards of stage 1: index 2.
    expect(
      dropTarget(layout, "milestones", "milestone:m0", columnX(1) + 10, second.position.y + 200, h),
    ).toEqual({
      stageId: "s1",
      index: 2,
    });
    // A card moved within its own column does not count itself.
    expect(
      dropTarget(layout, "milestones", "milestone:m1", columnX(1), second.position.y + 200, h),
    ).toEqual({
      stageId: "s1",
      index: 1,
    });
    // Over the unassigned-roles column, which is not a stage: nowhere.
    expect(dropTarget(layout, "milestones", "milestone:m0", columnX(2), 0, h)).toBeNull();
  });

  it("offers an add button in every lane of each stage", () => {
    const { nodes } = layoutJourney(journey(2), { editable: true });
    const adds = nodes.filter((n) => n.type === "add").map((n) => n.id);
    expect(adds).toEqual([
      "add:milestones@s0",
      "add:milestones@s1",
      "add:playbook@s0",
      "add:playbook@s1",
      "add:roles@s0",
      "add:roles@s1",
      "add:metrics@s0",
      "add:metrics@s1",
    ]);
  });
});

describe("keepUnchanged", () => {
  it("reuses the node objects an edit did not touch, and only those", () => {
    const before = journey(3);
    const first = layoutJourney(before, { editable: true }).nodes;
    const renamed: Journey = {
      ...before,
      stages: before.stages.map((s, i) =>
        i === 1 ? { ...s, milestones: s.milestones.map((m) => ({ ...m, name: "Renamed" })) } : s,
      ),
    };
    const next = keepUnchanged(first, layoutJourney(renamed, { editable: true }).nodes);
    const byId = (nodes: CanvasNode[], id: string) => nodes.find((n) => n.id === id);
    expect(byId(next, "milestone:m0")).toBe(byId(first, "milestone:m0"));
    expect(byId(next, "stage:s2")).toBe(byId(first, "stage:s2"));
    expect(byId(next, "milestone:m1")).not.toBe(byId(first, "milestone:m1"));
    expect((byId(next, "milestone:m1") as MilestoneNode).data.milestone.name).toBe("Renamed");
  });

  it("replaces a node whose measured height moved it", () => {
    const j = journey(2);
    const first = layoutJourney(j).nodes;
    const next = keepUnchanged(
      first,
      layoutJourney(j, { measured: { "milestone:m0": 300 } }).nodes,
    );
    const metric = (nodes: CanvasNode[]) => nodes.find((n) => n.id === "metric:x");
    expect(metric(next)).not.toBe(metric(first));
    expect(metric(next)?.position.y).toBeGreaterThan(metric(first)?.position.y ?? 0);
  });
});

describe("milestone paths", () => {
  it("join each milestone to the next in funnel order, in three strands where the stage has health rules", () => {
    const j = journey(3);
    const stages = j.stages.map((s, i) =>
      i === 1
        ? { ...s, health: { grey_after_percent: 80, red_after_percent: 100, metrics: [] } }
        : s,
    );
    const withSecond = stages.map((s, i) =>
      i === 0
        ? { ...s, milestones: [...s.milestones, { ...s.milestones[0], id: "m0b" } as Milestone] }
        : s,
    );
    const { edges } = layoutJourney({ ...j, stages: withSecond });
    const paths = edges.filter((e) => e.type === "path");
    expect(paths.map((e) => [e.source, e.target, e.sourceHandle, e.data?.health])).toEqual([
      ["milestone:m0", "milestone:m0b", "out-bottom", false],
      ["milestone:m0b", "milestone:m1", "out-right", true],
      ["milestone:m1", "milestone:m2", "out-right", false],
    ]);
    // The activity's support edge still lands on the milestone's own handle.
    expect(edges.find((e) => e.type !== "path")?.targetHandle).toBe("support");
  });
});

describe("a new sticky note", () => {
  it("lands right of the last stage, clear of every card and of the notes already there", () => {
    const j = journey(3);
    const { nodes, width } = layoutJourney(j);
    const first = freeNoteSpot(j);
    expect(first.x).toBeGreaterThanOrEqual(width);
    const cards = nodes.filter((n) => n.type !== "band" && n.type !== "lane" && n.type !== "add");
    for (const c of cards) expect(c.position.x + COLUMN_WIDTH).toBeLessThanOrEqual(first.x);
    const withNote = {
      ...j,
      notes: [{ id: "n1", text: "", color: "yellow", x: first.x, y: first.y, votes: 0 }],
    };
    const second = freeNoteSpot(withNote as Journey);
    expect(second.x).toBe(first.x);
    expect(second.y).toBeGreaterThanOrEqual(first.y + 170);
  });
});
