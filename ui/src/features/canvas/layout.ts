// Where everything sits on the canvas: stage columns left to right and, under each stage,
// the lanes of the Intelligent Framework — Milestones, Playbook, Roles, Metrics — so every
// card is aligned with the stage it serves. Pure: journey (+ measured card heights) in,
// React Flow nodes and edges out.
import type { Edge, Node } from "@xyflow/react";
import type { Activity } from "../../bindings/Activity";
import type { Journey } from "../../bindings/Journey";
import type { Metric } from "../../bindings/Metric";
import type { Milestone } from "../../bindings/Milestone";
import type { Role } from "../../bindings/Role";
import type { Stage } from "../../bindings/Stage";
import { allMilestones } from "../../components/text";

export const COLUMN_WIDTH = 264;
export const COLUMN_GAP = 24;
export const LANE_LABEL_WIDTH = 150;
export const CARD_WIDTH = COLUMN_WIDTH - 24;
const CARD_GAP = 12;
const LANE_PAD_TOP = 20;
const LANE_PAD_BOTTOM = 20;
const LANE_GAP = 14;
const MIN_LANE_HEIGHT = 96;
const HEADER_GAP = 24;

export type LaneKey = "milestones" | "playbook" | "roles" | "metrics";
export const LANES: { key: LaneKey; title: string; hint: string }[] = [
  { key: "milestones", title: "Milestones", hint: "Success funnel" },
  { key: "playbook", title: "Playbook", hint: "Activities" },
  { key: "roles", title: "Roles", hint: "Who runs the plays" },
  { key: "metrics", title: "Metrics", hint: "How progress is measured" },
];

export type StageNode = Node<
  { stage: Stage | null; index: number; title: string; milestones: number; last: boolean },
  "stage"
>;
export type LaneNode = Node<{ title: string; hint: string; height: number }, "lane">;
export type BandNode = Node<{ lane: LaneKey; width: number; height: number }, "band">;
export type MilestoneNode = Node<{ milestone: Milestone; number: number }, "milestone">;
export type ActivityNode = Node<{ activity: Activity; role: Role | null }, "activity">;
export type RoleNode = Node<{ role: Role; plays: number }, "role">;
export type MetricNode = Node<{ metric: Metric }, "metric">;
export type CanvasNode =
  | StageNode
  | LaneNode
  | BandNode
  | MilestoneNode
  | ActivityNode
  | RoleNode
  | MetricNode;

/** Heights the canvas measured, by node id; estimates fill in until then. */
export type MeasuredHeights = Record<string, number>;

const CHARS_PER_LINE = 24;
function lines(text: string | null | undefined): number {
  return text ? Math.max(1, Math.ceil(text.length / CHARS_PER_LINE)) : 0;
}

function estimate(node: CanvasNode): number {
  switch (node.type) {
    case "milestone": {
      const m = node.data.milestone;
      return 64 + lines(m.name) * 21 + m.criteria.length * 44;
    }
    case "activity":
      return 70 + lines(node.data.activity.name) * 21;
    case "role":
      return 52 + lines(node.data.role.name) * 21;
    case "metric":
      return 64 + lines(node.data.metric.name) * 21;
    case "stage":
      return 96 + lines(node.data.stage?.desired_outcome) * 20;
    default:
      return 0;
  }
}

export interface Layout {
  nodes: CanvasNode[];
  edges: Edge[];
  width: number;
  height: number;
}

export function columnX(index: number): number {
  return LANE_LABEL_WIDTH + index * (COLUMN_WIDTH + COLUMN_GAP);
}

export function layoutJourney(journey: Journey, measured: MeasuredHeights = {}): Layout {
  const heightOf = (n: CanvasNode) => measured[n.id] ?? estimate(n);
  const roleById = new Map(journey.roles.map((r) => [r.id, r]));

  // Roles sit under the stages where they run plays; roles that run none get their own
  // column at the end so they are never invisible.
  const rolesIn = (stageId: string) =>
    journey.roles.filter((r) =>
      journey.activities.some((a) => a.stage === stageId && a.role === r.id),
    );
  const idle = journey.roles.filter((r) => !journey.activities.some((a) => a.role === r.id));
  const columns: { stage: Stage | null; title: string }[] = journey.stages.map((s) => ({
    stage: s,
    title: s.name,
  }));
  if (idle.length > 0) columns.push({ stage: null, title: "Roles without plays" });

  let milestoneNumber = 0;
  const cells: Record<LaneKey, CanvasNode[][]> = {
    milestones: [],
    playbook: [],
    roles: [],
    metrics: [],
  };
  for (const { stage } of columns) {
    const id = stage?.id;
    cells.milestones.push(
      (stage?.milestones ?? []).map((m) => ({
        id: `milestone:${m.id}`,
        type: "milestone",
        position: { x: 0, y: 0 },
        data: { milestone: m, number: ++milestoneNumber },
      })),
    );
    cells.playbook.push(
      journey.activities
        .filter((a) => a.stage === id)
        .map((a) => ({
          id: `activity:${a.id}`,
          type: "activity",
          position: { x: 0, y: 0 },
          data: { activity: a, role: (a.role && roleById.get(a.role)) || null },
        })),
    );
    cells.roles.push(
      (id === undefined ? idle : rolesIn(id)).map((r) => ({
        id: id === undefined ? `role:${r.id}@unassigned` : `role:${r.id}@stage:${id}`,
        type: "role",
        position: { x: 0, y: 0 },
        data: {
          role: r,
          plays: journey.activities.filter((a) => a.stage === id && a.role === r.id).length,
        },
      })),
    );
    cells.metrics.push(
      journey.metrics
        .filter((m) => m.stage === id)
        .map((m) => ({
          id: `metric:${m.id}`,
          type: "metric",
          position: { x: 0, y: 0 },
          data: { metric: m },
        })),
    );
  }

  const width = columnX(columns.length) - COLUMN_GAP;
  const nodes: CanvasNode[] = [];

  const headers: StageNode[] = columns.map(({ stage, title }, i) => ({
    id: stage ? `stage:${stage.id}` : "column:unassigned-roles",
    type: "stage",
    position: { x: columnX(i), y: 0 },
    style: { width: COLUMN_WIDTH },
    data: {
      stage,
      index: i,
      title,
      milestones: stage?.milestones.length ?? 0,
      last: i === journey.stages.length - 1,
    },
    selectable: stage !== null,
  }));
  const headerHeight = Math.max(0, ...headers.map(heightOf));

  let y = headerHeight + HEADER_GAP;
  for (const lane of LANES) {
    const laneCells = cells[lane.key];
    const cellHeights = laneCells.map((cards) =>
      cards.reduce((sum, c, i) => sum + heightOf(c) + (i > 0 ? CARD_GAP : 0), 0),
    );
    const height = Math.max(
      MIN_LANE_HEIGHT,
      LANE_PAD_TOP + Math.max(0, ...cellHeights) + LANE_PAD_BOTTOM,
    );
    nodes.push({
      id: `band:${lane.key}`,
      type: "band",
      position: { x: 0, y },
      width,
      height,
      data: { lane: lane.key, width, height },
      selectable: false,
      zIndex: -1,
    });
    nodes.push({
      id: `lane:${lane.key}`,
      type: "lane",
      position: { x: 0, y },
      width: LANE_LABEL_WIDTH - 16,
      height,
      data: { title: lane.title, hint: lane.hint, height },
      selectable: false,
    });
    laneCells.forEach((cards, col) => {
      let cy = y + LANE_PAD_TOP;
      for (const card of cards) {
        nodes.push({
          ...card,
          position: { x: columnX(col) + (COLUMN_WIDTH - CARD_WIDTH) / 2, y: cy },
          style: { width: CARD_WIDTH },
          // Known sizes travel with the node so the minimap can draw it.
          measured: { width: CARD_WIDTH, height: heightOf(card) },
        } as CanvasNode);
        cy += heightOf(card) + CARD_GAP;
      }
    });
    y += height + LANE_GAP;
  }
  nodes.push(
    ...headers.map((h) => ({ ...h, measured: { width: COLUMN_WIDTH, height: heightOf(h) } })),
  );

  const milestoneIds = new Set(allMilestones(journey).map((m) => m.id));
  const edges: Edge[] = journey.activities.flatMap((a) =>
    [...new Set(a.milestones)]
      .filter((m) => milestoneIds.has(m))
      .map((m) => ({
        id: `supports:${a.id}->${m}`,
        source: `activity:${a.id}`,
        target: `milestone:${m}`,
        className: "edge-supports",
        selectable: false,
      })),
  );

  return { nodes, edges, width, height: y - LANE_GAP };
}
