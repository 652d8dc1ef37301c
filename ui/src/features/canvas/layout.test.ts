import { describe, expect, it } from "vitest";
import type { Journey } from "../../bindings/Journey";
import { type CanvasNode, COLUMN_GAP, COLUMN_WIDTH, columnX, layoutJourney } from "./layout";

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
    const tall = layoutJourney(journey(1), { "milestone:m0": 400 });
    expect(byId(tall.nodes, "band:playbook").position.y).toBeGreaterThan(
      byId(short.nodes, "band:playbook").position.y + 200,
    );
  });

  it("draws an edge from each activity to each milestone it supports", () => {
    const { edges } = layoutJourney(journey(2));
    expect(edges.map((e) => [e.source, e.target])).toEqual([["activity:a", "milestone:m0"]]);
  });

  it("lays out 8 stages in one row of columns", () => {
    const { nodes, width } = layoutJourney(journey(8, true));
    const headers = nodes.filter((n) => n.type === "stage");
    expect(headers).toHaveLength(9); // 8 stages + the idle-roles column
    expect(width).toBe(columnX(9) - COLUMN_GAP);
  });
});
