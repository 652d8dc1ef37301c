import { Handle, type NodeProps, Position } from "@xyflow/react";
import { memo } from "react";
import type { FunnelStep } from "../../bindings/FunnelStep";
import type { HealthBand } from "../../bindings/HealthBand";
import { HEALTH_WORDS } from "../../components/health";
import { count, plural } from "../../components/text";
import { VoteDots } from "../voting/VoteDots";
import { actionColours, channelText, criterionRule, effortText, targetText } from "./describe";
import { useCanvasActions, useCardWords, useJourney } from "./JourneyContext";
import type {
  ActivityNode,
  AddNode,
  BandNode,
  LaneKey,
  LaneNode,
  MetricNode,
  MilestoneNode,
  NoteNode,
  RoleNode,
  StageNode,
} from "./layout";

const PATH_END = { isConnectable: false, className: "handle-path" } as const;

function cardClass(kind: string, flagged?: boolean): string {
  return `card card-${kind}${flagged ? " card-flagged" : ""}`;
}

/** Lets long event names wrap after underscores instead of mid-word. */
function breakable(name: string) {
  return name.split("_").map((part, i, all) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string
    <span key={i}>
      {part}
      {i < all.length - 1 && (
        <>
          _<wbr />
        </>
      )}
    </span>
  ));
}

/** A health band's tooltip: "Red, warning: more than 45 days in Onboard". */
function tip(b: HealthBand): string {
  return `${HEALTH_WORDS[b.colour]}: ${b.when.charAt(0).toLowerCase()}${b.when.slice(1)}`;
}

export const StageHeader = memo(function StageHeader({ id, data }: NodeProps<StageNode>) {
  const { stage, index, title } = data;
  const health = useCardWords()?.health;
  const rules = stage ? (health?.[stage.id] ?? null) : null;
  const live = data.health;
  return (
    <div
      className={stage ? "stage-header" : "stage-header stage-header-idle"}
      data-testid="stage-header"
    >
      <VoteDots nodeId={id} />
      <div className="stage-kicker">
        {stage ? `Stage ${index + 1}` : "Team"}
        {stage?.expected_days != null && (
          <span className="stage-days">≈ {stage.expected_days} days</span>
        )}
      </div>
      <div className="stage-name" data-testid="stage-name">
        {title}
      </div>
      {stage?.desired_outcome && <div className="stage-outcome">{stage.desired_outcome}</div>}
      {rules && (
        <div className="stage-health" data-testid="stage-health">
          {rules.bands.map((b) => (
            <span key={b.colour} className="stage-health-band" title={tip(b)}>
              <span className={`health-dot health-dot-${b.colour}`} />
              {b.short}
            </span>
          ))}
          {rules.metrics > 0 && (
            <span className="stage-health-metrics">+ {plural(rules.metrics, "metric")}</span>
          )}
        </div>
      )}
      {live && (
        <div
          className="stage-health stage-health-counts"
          data-testid="stage-health-counts"
          title={
            rules
              ? "Active customers in this stage now, by health"
              : "Active customers in this stage now (no health rules here)"
          }
        >
          {rules?.bands.map((b) => (
            <span
              key={b.colour}
              className="stage-health-band"
              data-colour={b.colour}
              title={tip(b)}
            >
              <span className={`health-dot health-dot-${b.colour}`} />
              {count(live[b.colour])}
            </span>
          ))}
          <span className="stage-customers" data-testid="stage-customers">
            {count(live.customers)} customers
          </span>
        </div>
      )}
    </div>
  );
});

export const LaneLabel = memo(function LaneLabel({ data }: NodeProps<LaneNode>) {
  return (
    <div className="lane-label" style={{ height: data.height }}>
      <div className="lane-title">{data.title}</div>
      <div className="lane-hint">{data.hint}</div>
    </div>
  );
});

export const LaneBand = memo(function LaneBand({ data }: NodeProps<BandNode>) {
  return (
    <div
      className={`lane-band lane-band-${data.lane}`}
      style={{ width: data.width, height: data.height }}
    />
  );
});

export const MilestoneCard = memo(function MilestoneCard({ id, data }: NodeProps<MilestoneNode>) {
  const m = data.milestone;
  return (
    <div className={cardClass("milestone", data.flagged)} data-testid="milestone-card">
      <VoteDots nodeId={id} />
      <Handle
        type="target"
        id="support"
        position={Position.Bottom}
        className="handle handle-milestone"
      />
      {/* Ends of the path from the previous milestone and on to the next one. */}
      <Handle type="target" id="in-top" position={Position.Top} {...PATH_END} />
      <Handle type="target" id="in-left" position={Position.Left} {...PATH_END} />
      <Handle type="source" id="out-bottom" position={Position.Bottom} {...PATH_END} />
      <Handle type="source" id="out-right" position={Position.Right} {...PATH_END} />
      <div className="card-top">
        <span className="pill">M{data.number}</span>
        {m.first_value && <span className="badge badge-first-value">First value</span>}
        {data.bottleneck && (
          <span
            className="badge badge-bottleneck"
            title="The lowest conversion from the milestone before"
          >
            Bottleneck
          </span>
        )}
      </div>
      <div className="card-title" data-testid="milestone-name">
        {m.name}
      </div>
      {m.criteria.length > 0 ? (
        <ul className="criteria">
          {m.criteria.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: criteria have no id; order is theirs
            <li key={i} title={`${c.event}: ${criterionRule(c)}`}>
              <span className="criterion-event">{breakable(c.event)}</span>
              <span className="criterion-rule">{criterionRule(c)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <div className="card-warning">No criteria yet</div>
      )}
      {m.tasks.length > 0 && <div className="card-meta">{plural(m.tasks.length, "task")}</div>}
      {data.step && <MilestoneStats step={data.step} bottleneck={data.bottleneck ?? false} />}
    </div>
  );
});

/** How many customers reached the milestone, and how many of those at the one before. */
function MilestoneStats({ step, bottleneck }: { step: FunnelStep; bottleneck: boolean }) {
  return (
    <div
      className={bottleneck ? "milestone-stats bottleneck" : "milestone-stats"}
      data-testid="milestone-stats"
    >
      <div className="stats-line">
        <span className="stats-reached" data-testid="milestone-reached">
          {step.text.reached}
        </span>{" "}
        reached · {step.text.conversion_from_previous} of previous
      </div>
      <div className="stats-bar">
        <div style={{ width: `${(step.conversion_from_start ?? 0) * 100}%` }} />
      </div>
    </div>
  );
}

export const ActivityCard = memo(function ActivityCard({ id, data }: NodeProps<ActivityNode>) {
  const journey = useJourney();
  const a = data.activity;
  const details = [channelText(a), effortText(a)].filter(Boolean).join(" · ");
  const colours = actionColours(a, journey);
  const words = useCardWords();
  const bands = words?.health[a.stage]?.bands ?? [];
  return (
    <div className={cardClass("activity", data.flagged)} data-testid="activity-card">
      <VoteDots nodeId={id} />
      <Handle
        type="source"
        position={Position.Top}
        className="handle handle-activity"
        title="Drag to a milestone this play supports"
      />
      <div className="card-title">{a.name}</div>
      {/* A line held for the trigger until the core's words arrive: the card keeps its height. */}
      <div className="card-meta">{words?.triggers[a.id] ?? "\u00a0"}</div>
      {colours.length > 0 && (
        <div className="card-meta health-action" data-testid="health-action">
          {colours.map((c) => (
            <span key={c} className={`health-dot health-dot-${c}`} />
          ))}
          {colours.map((c) => bands.find((b) => b.colour === c)?.name ?? c).join(", ")} path action
        </div>
      )}
      <div className="card-row">
        {data.role ? (
          <span className="chip chip-role">{data.role.name}</span>
        ) : (
          <span className="card-warning">No owner</span>
        )}
        {details && <span className="card-meta">{details}</span>}
      </div>
      {a.milestones.length === 0 && (
        <div className="card-warning">Supports no milestone — what does it move forward?</div>
      )}
    </div>
  );
});

export const RoleCard = memo(function RoleCard({ data }: NodeProps<RoleNode>) {
  return (
    <div className={cardClass("role", data.flagged)} data-testid="role-card">
      <div className="card-title">{data.role.name}</div>
      <div className="card-meta">
        {data.plays > 0 ? `${plural(data.plays, "play")} in this stage` : "Owns no plays yet"}
      </div>
    </div>
  );
});

export const MetricCard = memo(function MetricCard({ data }: NodeProps<MetricNode>) {
  const m = data.metric;
  const target = targetText(m);
  const live = data.live;
  return (
    <div className={cardClass("metric", data.flagged)} data-testid="metric-card">
      <div className="card-title">{m.name}</div>
      <div className="card-row">
        <span className={`direction direction-${m.direction}`}>
          {m.direction === "higher" ? "▲ higher is better" : "▼ lower is better"}
        </span>
      </div>
      {target && <div className="card-meta strong">{target}</div>}
      <div className="mono">
        {breakable(m.event)} · {m.aggregate}
        {m.window_days ? ` · ${m.window_days} d` : ""}
      </div>
      {live && (
        <div className="metric-live" data-testid="metric-live">
          <div data-testid="metric-now">{live.now_words}</div>
          {live.bands && live.measured > 0 && <BandBar bands={live.bands} />}
          {live.past_words && (
            <div className="metric-past" data-testid="metric-past">
              {live.past_words}
            </div>
          )}
        </div>
      )}
    </div>
  );
});

/** How the customers in a stage spread over a metric's thresholds: green, grey, red. */
function BandBar({ bands }: { bands: [number, number, number] }) {
  const total = bands[0] + bands[1] + bands[2];
  return (
    <div
      className="band-bar"
      role="img"
      aria-label={`${bands[0]} green, ${bands[1]} grey, ${bands[2]} red`}
    >
      {(["green", "grey", "red"] as const).map((c, i) => (
        <span
          key={c}
          className={`band-bar-${c}`}
          style={{ width: `${((bands[i] ?? 0) / total) * 100}%` }}
        />
      ))}
    </div>
  );
}

const ADD_LABELS: Record<LaneKey, string> = {
  milestones: "milestone",
  playbook: "play",
  roles: "role",
  metrics: "metric",
};

export const AddButton = memo(function AddButton({ data }: NodeProps<AddNode>) {
  const actions = useCanvasActions();
  return (
    <button
      type="button"
      className="add-card nodrag"
      data-testid={`add-${data.lane}`}
      onClick={() => actions?.add(data.lane, data.stageId)}
    >
      + Add {ADD_LABELS[data.lane]}
    </button>
  );
});

export const NoteCard = memo(function NoteCard({ id, data, selected }: NodeProps<NoteNode>) {
  const actions = useCanvasActions();
  const journey = useJourney();
  const n = data.note;
  const author = journey.workshop?.participants.find((p) => p.id === n.author);
  return (
    <div className={`sticky sticky-${n.color}`} data-testid="sticky-note">
      <VoteDots nodeId={id} />
      {actions && selected ? (
        <textarea
          className="sticky-text nodrag"
          value={n.text}
          placeholder="Write an idea…"
          // biome-ignore lint/a11y/noAutofocus: a selected note is for writing
          autoFocus
          onChange={(e) => actions.setNoteText(n.id, e.target.value)}
        />
      ) : (
        <div className="sticky-text">
          {n.text || <span className="sticky-placeholder">Empty note</span>}
        </div>
      )}
      {author && (
        <div className="sticky-author" data-testid="note-author">
          <span className="chip-dot" style={{ background: author.color }} />
          {author.name}
        </div>
      )}
      {n.votes > 0 && <div className="sticky-votes">{"●".repeat(Math.min(n.votes, 12))}</div>}
    </div>
  );
});

export const nodeTypes = {
  add: AddButton,
  note: NoteCard,
  stage: StageHeader,
  lane: LaneLabel,
  band: LaneBand,
  milestone: MilestoneCard,
  activity: ActivityCard,
  role: RoleCard,
  metric: MetricCard,
};
