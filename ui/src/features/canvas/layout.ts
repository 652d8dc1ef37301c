// Where everything sits on the canvas: stage columns left to right and, under each stage,
// the lanes of the Intelligent Framework — Milestones, Playbook, Roles, Metrics — so every
// card is aligned with the stage it serves. Pure: journey (+ measured card heights) in,
// React Flow nodes and edges out, plus the geometry needed to find where a dragged card
// lands.
import type { Edge, Node } from "@xyflow/react";
import type { Activity } from "../../bindings/Activity";
import type { FunnelStep } from "../../bindings/FunnelStep";
import type { Journey } from "../../bindings/Journey";
import type { LiveNumbers } from "../../bindings/LiveNumbers";
import type { Metric } from "../../bindings/Metric";
import type { MetricLive } from "../../bindings/MetricLive";
import type { Milestone } from "../../bindings/Milestone";
import type { Role } from "../../bindings/Role";
import type { Stage } from "../../bindings/Stage";
import type { StageHealthCount } from "../../bindings/StageHealthCount";
import type { StickyNote } from "../../bindings/StickyNote";
import { allMilestones } from "../../components/text";
import { stageRoles } from "../editor/ops";
import { actionColours } from "./describe";
import type { PathEdge } from "./edges";
import { roleNodeId, supportEdgeId } from "./ids";
import { type LineCounter, roughLines, type TextStyle } from "./measure";

export const COLUMN_WIDTH = 264;
export const COLUMN_GAP = 24;
export const LANE_LABEL_WIDTH = 150;
export const CARD_WIDTH = COLUMN_WIDTH - 24;
export const NOTE_WIDTH = 200;
const CARD_GAP = 12;
/** Milestones stand further apart: the customer's path runs between them. */
const PATH_GAP = 22;
const LANE_PAD_TOP = 20;
const LANE_PAD_BOTTOM = 20;
const LANE_GAP = 14;
const MIN_LANE_HEIGHT = 96;
const HEADER_GAP = 24;
const ADD_HEIGHT = 34;

export type LaneKey = "milestones" | "playbook" | "roles" | "metrics";
export const LANES: { key: LaneKey; title: string; hint: string }[] = [
  { key: "milestones", title: "Milestones", hint: "Success funnel" },
  { key: "playbook", title: "Playbook", hint: "Activities" },
  { key: "roles", title: "Roles", hint: "Who runs the plays" },
  { key: "metrics", title: "Metrics", hint: "How progress is measured" },
];

type Flag = { flagged?: boolean };
export type StageNode = Node<
  {
    stage: Stage | null;
    index: number;
    title: string;
    milestones: number;
    last: boolean;
    health?: StageHealthCount;
  } & Flag,
  "stage"
>;
export type LaneNode = Node<{ title: string; hint: string; height: number }, "lane">;
export type BandNode = Node<{ lane: LaneKey; width: number; height: number }, "band">;
export type MilestoneNode = Node<
  { milestone: Milestone; number: number; step?: FunnelStep; bottleneck?: boolean } & Flag,
  "milestone"
>;
export type ActivityNode = Node<
  { activity: Activity; role: Role | null; healthAction: boolean } & Flag,
  "activity"
>;
export type RoleNode = Node<{ role: Role; plays: number } & Flag, "role">;
export type MetricNode = Node<{ metric: Metric; live?: MetricLive } & Flag, "metric">;
export type NoteNode = Node<{ note: StickyNote }, "note">;
export type AddNode = Node<{ lane: LaneKey; stageId: string }, "add">;
export type CanvasNode =
  | StageNode
  | LaneNode
  | BandNode
  | MilestoneNode
  | ActivityNode
  | RoleNode
  | MetricNode
  | NoteNode
  | AddNode;

/** Heights the canvas measured, by node id; estimates fill in until then. */
export type MeasuredHeights = Record<string, number>;

// Card geometry (see the card rules in theme.css): what a card's height is made of.
const TEXT_WIDTH = CARD_WIDTH - 2 * 14 - 1 - 4; // padding, right border, left accent
const CARD_CHROME = 2 * 12 + 2; // padding and borders
const GAP = 6; // between a card's rows
// WebKit rounds line boxes down to whole pixels: 16 px × 1.3 → 20, 13 px × 1.45 → 18.
const TITLE_LINE = 20;
const SMALL_LINE = 18; // 13 px text
const PILL_ROW = 20;
const HEALTH_ROW = 8 + 20;
const STATS_ROW = 18 + 4 + 6;
const CHIP_ROW = 22;
const CRITERION = { chrome: 10, rule: 20, gap: 4, width: TEXT_WIDTH - 18 };

function estimate(node: CanvasNode, lines: LineCounter): number {
  const title = (text: string) => lines(text, "title", TEXT_WIDTH) * TITLE_LINE;
  const small = (text: string, style: TextStyle = "meta", width = TEXT_WIDTH) =>
    lines(text, style, width) * SMALL_LINE;
  switch (node.type) {
    case "milestone": {
      const m = node.data.milestone;
      const criteria =
        m.criteria.length === 0
          ? SMALL_LINE
          : m.criteria.reduce(
              (sum, c) =>
                sum + CRITERION.chrome + small(c.event, "mono", CRITERION.width) + CRITERION.rule,
              (m.criteria.length - 1) * CRITERION.gap,
            );
      const tasks = m.tasks.length > 0 ? GAP + SMALL_LINE : 0;
      const stats = node.data.step ? GAP + STATS_ROW : 0;
      return CARD_CHROME + PILL_ROW + GAP + title(m.name) + GAP + criteria + tasks + stats;
    }
    case "activity": {
      const a = node.data.activity;
      const warning = a.milestones.length === 0 ? GAP + 2 * SMALL_LINE : 0;
      const action = node.data.healthAction ? GAP + SMALL_LINE : 0;
      return CARD_CHROME + title(a.name) + GAP + SMALL_LINE + action + GAP + CHIP_ROW + warning;
    }
    case "role":
      return CARD_CHROME + title(node.data.role.name) + GAP + SMALL_LINE;
    case "metric": {
      const m = node.data.metric;
      const target = m.target != null ? GAP + SMALL_LINE : 0;
      const window = m.window_days ? ` · ${m.window_days} d` : "";
      const source = small(`${m.event} · ${m.aggregate}${window}`, "mono", TEXT_WIDTH - 16) + 6;
      const live = node.data.live ? GAP + STATS_ROW : 0;
      return CARD_CHROME + title(m.name) + GAP + SMALL_LINE + target + GAP + source + live;
    }
    case "stage": {
      const width = COLUMN_WIDTH - 36;
      const outcome = node.data.stage?.desired_outcome;
      return (
        30 +
        SMALL_LINE +
        2 +
        lines(node.data.title, "heading", width) * 31 +
        (outcome ? 4 + lines(outcome, "body", width) * 20 : 0) +
        (node.data.stage?.health ? HEALTH_ROW : 0) +
        (node.data.health ? HEALTH_ROW : 0)
      );
    }
    case "add":
      return ADD_HEIGHT;
    default:
      return 0;
  }
}

/** One stage's part of one lane: where its cards are, for placing a dropped card. */
export interface Cell {
  stageId: string | null;
  cards: { id: string; y: number; height: number }[];
}

export interface Layout {
  nodes: CanvasNode[];
  edges: Edge[];
  width: number;
  height: number;
  /** Per lane, per column. */
  cells: Record<LaneKey, Cell[]>;
  /** Per lane, its vertical extent. */
  bands: Record<LaneKey, { top: number; bottom: number }>;
  /** Stage ids in column order (the unassigned-roles column is not a stage). */
  columns: (string | null)[];
}

export interface LayoutOptions {
  measured?: MeasuredHeights;
  /** Show "+ Add" buttons in every cell. */
  editable?: boolean;
  /** Node ids the framework check flags. */
  flagged?: ReadonlySet<string>;
  /** Counts wrapped lines of card text, for estimating heights not yet measured. */
  lines?: LineCounter;
  /** Live numbers per milestone and stage, when the workspace has customer data. */
  live?: LiveNumbers | null;
}

export function columnX(index: number): number {
  return LANE_LABEL_WIDTH + index * (COLUMN_WIDTH + COLUMN_GAP);
}

/** The column whose span (with half the gap on each side) contains x. */
export function columnAt(x: number, columns: number): number {
  const i = Math.floor((x - LANE_LABEL_WIDTH + COLUMN_GAP / 2) / (COLUMN_WIDTH + COLUMN_GAP));
  return Math.max(0, Math.min(columns - 1, i));
}

export function layoutJourney(journey: Journey, options: LayoutOptions = {}): Layout {
  const { measured = {}, editable = false, flagged = new Set<string>() } = options;
  const lines = options.lines ?? roughLines;
  const steps = new Map((options.live?.funnel.milestones ?? []).map((s) => [s.id, s]));
  const bottleneck = options.live?.funnel.bottleneck ?? null;
  const stageHealth = new Map((options.live?.stages ?? []).map((s) => [s.stage, s]));
  const metricLive = new Map((options.live?.metrics ?? []).map((m) => [m.metric, m]));
  const heightOf = (n: CanvasNode) => measured[n.id] ?? estimate(n, lines);
  const roleById = new Map(journey.roles.map((r) => [r.id, r]));
  const playsBy = (stageId: string | undefined, roleId: string) =>
    journey.activities.filter((a) => a.stage === stageId && a.role === roleId).length;

  // Roles sit under the stages where they run plays; roles that run none get their own
  // column at the end so they are never invisible.
  const idle = journey.roles.filter(
    (r) => !r.stages?.length && !journey.activities.some((a) => a.role === r.id),
  );
  const columns: { stage: Stage | null; title: string }[] = journey.stages.map((s) => ({
    stage: s,
    title: s.name,
  }));
  if (idle.length > 0) columns.push({ stage: null, title: "Roles without plays" });

  let milestoneNumber = 0;
  const at = { x: 0, y: 0 };
  const cellNodes: Record<LaneKey, CanvasNode[][]> = {
    milestones: [],
    playbook: [],
    roles: [],
    metrics: [],
  };
  for (const { stage } of columns) {
    const id = stage?.id;
    const add = (lane: LaneKey): AddNode[] =>
      editable && id !== undefined
        ? [{ id: `add:${lane}@${id}`, type: "add", position: at, data: { lane, stageId: id } }]
        : [];
    cellNodes.milestones.push([
      ...(stage?.milestones ?? []).map(
        (m): MilestoneNode => ({
          id: `milestone:${m.id}`,
          type: "milestone",
          position: at,
          data: {
            milestone: m,
            number: ++milestoneNumber,
            ...(steps.has(m.id) ? { step: steps.get(m.id), bottleneck: m.id === bottleneck } : {}),
          },
        }),
      ),
      ...add("milestones"),
    ]);
    cellNodes.playbook.push([
      ...journey.activities
        .filter((a) => a.stage === id)
        .map(
          (a): ActivityNode => ({
            id: `activity:${a.id}`,
            type: "activity",
            position: at,
            data: {
              activity: a,
              role: (a.role && roleById.get(a.role)) || null,
              healthAction: actionColours(a, journey).length > 0,
            },
          }),
        ),
      ...add("playbook"),
    ]);
    cellNodes.roles.push([
      ...(id === undefined ? idle : stageRoles(journey, id)).map(
        (r): RoleNode => ({
          id: roleNodeId(r.id, id ?? null),
          type: "role",
          position: at,
          data: { role: r, plays: playsBy(id, r.id) },
        }),
      ),
      ...add("roles"),
    ]);
    cellNodes.metrics.push([
      ...journey.metrics
        .filter((m) => m.stage === id)
        .map(
          (m): MetricNode => ({
            id: `metric:${m.id}`,
            type: "metric",
            position: at,
            data: {
              metric: m,
              ...(metricLive.has(m.id) ? { live: metricLive.get(m.id) } : {}),
            },
          }),
        ),
      ...add("metrics"),
    ]);
  }

  const width = columnX(columns.length) - COLUMN_GAP;
  const nodes: CanvasNode[] = [];
  const cells = { milestones: [], playbook: [], roles: [], metrics: [] } as Record<LaneKey, Cell[]>;
  const bands = {} as Record<LaneKey, { top: number; bottom: number }>;

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
      ...(stage && stageHealth.has(stage.id) ? { health: stageHealth.get(stage.id) } : {}),
    },
    selectable: stage !== null,
    draggable: stage !== null && editable,
  }));
  const headerHeight = Math.max(0, ...headers.map(heightOf));

  let y = headerHeight + HEADER_GAP;
  for (const lane of LANES) {
    const laneCells = cellNodes[lane.key];
    const gap = lane.key === "milestones" ? PATH_GAP : CARD_GAP;
    const cellHeights = laneCells.map((cards) =>
      cards.reduce((sum, c, i) => sum + heightOf(c) + (i > 0 ? gap : 0), 0),
    );
    const height = Math.max(
      MIN_LANE_HEIGHT,
      LANE_PAD_TOP + Math.max(0, ...cellHeights) + LANE_PAD_BOTTOM,
    );
    bands[lane.key] = { top: y, bottom: y + height };
    nodes.push({
      id: `band:${lane.key}`,
      type: "band",
      position: { x: 0, y },
      width,
      height,
      data: { lane: lane.key, width, height },
      selectable: false,
      draggable: false,
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
      draggable: false,
    });
    laneCells.forEach((cards, col) => {
      const cell: Cell = { stageId: columns[col]?.stage?.id ?? null, cards: [] };
      let cy = y + LANE_PAD_TOP;
      for (const card of cards) {
        const h = heightOf(card);
        const isAdd = card.type === "add";
        nodes.push({
          ...card,
          position: { x: columnX(col) + (COLUMN_WIDTH - CARD_WIDTH) / 2, y: cy },
          style: { width: CARD_WIDTH },
          // Known sizes travel with the node so the minimap can draw it.
          measured: { width: CARD_WIDTH, height: h },
          // React Flow turns pointer events off for nodes that can be neither selected nor
          // dragged; the add buttons are such nodes but must take clicks.
          ...(isAdd
            ? {
                selectable: false,
                draggable: false,
                style: { width: CARD_WIDTH, pointerEvents: "all" },
              }
            : {}),
          ...(flagged.has(card.id) ? { data: { ...card.data, flagged: true } } : {}),
        } as CanvasNode);
        if (!isAdd) cell.cards.push({ id: card.id, y: cy, height: h });
        cy += h + gap;
      }
      cells[lane.key].push(cell);
    });
    y += height + LANE_GAP;
  }
  nodes.push(
    ...headers.map((h) => ({
      ...h,
      measured: { width: COLUMN_WIDTH, height: heightOf(h) },
      data: flagged.has(h.id) ? { ...h.data, flagged: true } : h.data,
    })),
  );
  // A parked note is in the parking lot (the journey's panel), not on the board.
  for (const note of journey.notes.filter((n) => !n.parked)) {
    nodes.push({
      id: `note:${note.id}`,
      type: "note",
      position: { x: note.x, y: note.y },
      style: { width: NOTE_WIDTH },
      data: { note },
      zIndex: 10,
    });
  }

  const milestoneIds = new Set(allMilestones(journey).map((m) => m.id));
  const edges: Edge[] = journey.activities.flatMap((a) =>
    [...new Set(a.milestones)]
      .filter((m) => milestoneIds.has(m))
      .map((m) => ({
        id: supportEdgeId(a.id, m),
        source: `activity:${a.id}`,
        target: `milestone:${m}`,
        targetHandle: "support",
        className: "edge-supports",
        selectable: editable,
        deletable: editable,
      })),
  );

  // The path a customer walks: each milestone to the next in funnel order.
  const sequence = journey.stages.flatMap((stage) => stage.milestones.map((m) => ({ m, stage })));
  const paths: PathEdge[] = sequence.slice(1).map(({ m, stage }, i) => {
    const from = sequence[i] as (typeof sequence)[number];
    const down = from.stage === stage;
    return {
      id: `path:${from.m.id}->${m.id}`,
      type: "path",
      source: `milestone:${from.m.id}`,
      target: `milestone:${m.id}`,
      sourceHandle: down ? "out-bottom" : "out-right",
      targetHandle: down ? "in-top" : "in-left",
      data: { health: stage.health != null },
      selectable: false,
      deletable: false,
      focusable: false,
    };
  });

  return {
    nodes,
    edges: [...paths, ...edges],
    width,
    height: y - LANE_GAP,
    cells,
    bands,
    columns: columns.map((c) => c.stage?.id ?? null),
  };
}

/** Where a card dropped with its top-left at (x, y) lands: a stage, and an index among
 * that stage's cards of the lane (not counting the dragged card itself). Null outside any
 * stage column. */
export function dropTarget(
  layout: Layout,
  lane: LaneKey,
  nodeId: string,
  x: number,
  y: number,
  height: number,
): { stageId: string; index: number } | null {
  const col = columnAt(x + CARD_WIDTH / 2, layout.columns.length);
  const cell = layout.cells[lane][col];
  if (!cell?.stageId) return null;
  const middle = y + height / 2;
  const others = cell.cards.filter((c) => c.id !== nodeId);
  const index = others.filter((c) => c.y + c.height / 2 < middle).length;
  return { stageId: cell.stageId, index };
}

function shallowEqual(a: object | undefined, b: object | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const ka = Object.keys(a) as (keyof typeof a)[];
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

function sameNode(a: CanvasNode, b: CanvasNode): boolean {
  return (
    a.type === b.type &&
    a.position.x === b.position.x &&
    a.position.y === b.position.y &&
    a.measured?.height === b.measured?.height &&
    a.width === b.width &&
    a.height === b.height &&
    a.zIndex === b.zIndex &&
    a.selectable === b.selectable &&
    a.draggable === b.draggable &&
    shallowEqual(a.style, b.style) &&
    shallowEqual(a.data, b.data)
  );
}

/** The next layout's nodes, reusing the previous node object wherever nothing about the
 * node changed, so React Flow and the memoised cards skip it: an edit or a measured
 * height then re-renders only the cards it touched, not all of a big board. */
export function keepUnchanged(previous: readonly CanvasNode[], next: CanvasNode[]): CanvasNode[] {
  const before = new Map(previous.map((n) => [n.id, n]));
  return next.map((n) => {
    const p = before.get(n.id);
    return p && sameNode(p, n) ? p : n;
  });
}

/** Where a new sticky note goes: in the free space right of the last stage, below the
 * notes already there, so it never lands on a card. */
export function freeNoteSpot(journey: Journey): { x: number; y: number } {
  const x = layoutJourney(journey).width + 2 * COLUMN_GAP;
  const height = 170;
  let y = 0;
  const taken = (top: number) =>
    journey.notes.some(
      (n) =>
        !n.parked &&
        n.x < x + NOTE_WIDTH &&
        n.x + NOTE_WIDTH > x &&
        n.y < top + height &&
        n.y + height > top,
    );
  while (taken(y)) y += height + 16;
  return { x, y };
}
