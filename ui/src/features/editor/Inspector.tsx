// Every field of the selected item. Edits go through `edit` with a label per field, so
// typing in one box is one undo step.
import type { Activity } from "../../bindings/Activity";
import type { Corner } from "../../bindings/Corner";
import type { Direction } from "../../bindings/Direction";
import type { Finding } from "../../bindings/Finding";
import type { Journey } from "../../bindings/Journey";
import type { Metric } from "../../bindings/Metric";
import type { NoteColor } from "../../bindings/NoteColor";
import type { Trigger } from "../../bindings/Trigger";
import type { ValueSpec } from "../../bindings/ValueSpec";
import { CHANNELS, EFFORTS, TRIGGERS } from "../../bindings/vocabulary";
import { Checkbox, NumberField, SelectField, TextArea, TextField } from "../../components/fields";
import { allMilestones } from "../../components/text";
import { CORNERS, quadrantName } from "../matrices/quadrants";
import { CriterionEditor } from "./CriterionEditor";
import {
  findMilestone,
  type ItemKind,
  moveActivity,
  moveMetric,
  moveMilestone,
  optionalText,
  updateActivity,
  updateMetric,
  updateMilestone,
  updateNote,
  updateRole,
  updateStage,
} from "./ops";

type Edit = (change: (j: Journey) => Journey, label: string) => void;

interface Props {
  journey: Journey;
  kind: ItemKind;
  id: string;
  edit: Edit;
  findings: Finding[];
  onDelete: () => void;
}

const DIRECTIONS: { value: Direction; label: string }[] = [
  { value: "higher", label: "Higher is better" },
  { value: "lower", label: "Lower is better" },
];
const COLORS: NoteColor[] = ["yellow", "pink", "blue", "green", "purple"];
const KIND_TITLES: Record<ItemKind, string> = {
  stage: "Stage",
  milestone: "Milestone",
  activity: "Play",
  role: "Role",
  metric: "Metric",
  note: "Sticky note",
};

function defaultTrigger(kind: Trigger["kind"], j: Journey): Trigger {
  switch (kind) {
    case "milestone_reached":
      return { kind, milestone: allMilestones(j)[0]?.id ?? "" };
    case "stuck":
      return { kind, days: 90 };
    case "recurring":
      return { kind, every_days: 30 };
    case "in_quadrant":
      return {
        kind,
        matrix: j.matrices[0]?.id ?? "",
        quadrant: j.matrices[0]?.best ?? "top_right",
      };
    default:
      return { kind } as Trigger;
  }
}

/** A matrix's four corners, each by its quadrant's name. */
function quadrantOptions(j: Journey, matrix: string): { value: Corner; label: string }[] {
  const m = j.matrices.find((x) => x.id === matrix);
  return CORNERS.map((c) => ({ value: c, label: m ? quadrantName(m, c) : c }));
}

/** The list with `id` in it or not, as a checkbox says. */
function toggled(list: string[], id: string, on: boolean): string[] {
  return on ? [...list.filter((x) => x !== id), id] : list.filter((x) => x !== id);
}

/** The name and description every named object has. */
function NameFields(props: {
  name: string;
  description: string | undefined;
  set: (patch: { name?: string; description?: string }, field: string) => void;
}) {
  return (
    <>
      <TextField
        label="Name"
        value={props.name}
        testId="inspector-name"
        onChange={(v) => props.set({ name: v }, "name")}
      />
      <TextArea
        label="Description"
        value={props.description}
        onChange={(v) => props.set({ description: optionalText(v) }, "description")}
      />
    </>
  );
}

/** What every item form gets: the journey, the item's id, and the way to edit. */
interface FormProps {
  journey: Journey;
  id: string;
  edit: Edit;
}

function StageForm({ journey: j, id, edit }: FormProps) {
  const field = (name: string) => `stage:${id}:${name}`;
  const s = j.stages.find((x) => x.id === id);
  if (!s) return null;
  const up = (patch: Parameters<typeof updateStage>[2], name: string) =>
    edit((x) => updateStage(x, id, patch), field(name));
  const health = s.health ?? { metrics: [] };
  const setHealth = (patch: Partial<typeof health>, name: string) =>
    up({ health: { ...health, ...patch } }, `health.${name}`);
  const plays = j.activities.filter((a) => a.stage === id);
  const actionOptions = plays.map((a) => ({ value: a.id, label: a.name }));
  return (
    <>
      <TextField
        label="Name"
        value={s.name}
        testId="inspector-name"
        onChange={(v) => up({ name: v }, "name")}
      />
      <TextArea
        label="Desired outcome"
        hint="What the customer has achieved when this stage is done."
        value={s.desired_outcome}
        onChange={(v) => up({ desired_outcome: optionalText(v) }, "outcome")}
      />
      <TextArea
        label="Entry requirements"
        value={s.entry_requirements}
        onChange={(v) => up({ entry_requirements: optionalText(v) }, "entry")}
      />
      <NumberField
        label="Expected duration (days)"
        integer
        min={0}
        value={s.expected_days}
        onChange={(v) => up({ expected_days: v }, "days")}
      />
      <h3>Health paths</h3>
      <div className="field-row">
        <NumberField
          label="Grey after (% of duration)"
          integer
          min={0}
          value={health.grey_after_percent}
          onChange={(v) => setHealth({ grey_after_percent: v }, "grey")}
        />
        <NumberField
          label="Red after (% of duration)"
          integer
          min={0}
          value={health.red_after_percent}
          onChange={(v) => setHealth({ red_after_percent: v }, "red")}
        />
      </div>
      <div className="field">
        <span className="field-label">Metrics that colour health</span>
        {j.metrics.length === 0 && <div className="field-hint">No metrics yet.</div>}
        {j.metrics.map((m) => (
          <Checkbox
            key={m.id}
            label={m.name}
            checked={health.metrics.includes(m.id)}
            onChange={(on) =>
              setHealth(
                {
                  metrics: toggled(health.metrics, m.id, on),
                },
                "metrics",
              )
            }
          />
        ))}
      </div>
      {(["green", "grey", "red"] as const).map((colour) => (
        <SelectField
          key={colour}
          label={`Play when ${colour}`}
          value={health[`${colour}_action`]}
          options={actionOptions}
          none="— none —"
          onChange={(v) => setHealth({ [`${colour}_action`]: v }, `${colour}_action`)}
        />
      ))}
    </>
  );
}

function MilestoneForm({ journey: j, id, edit }: FormProps) {
  const field = (name: string) => `milestone:${id}:${name}`;
  const stageOptions = j.stages.map((s) => ({ value: s.id, label: s.name }));
  const found = findMilestone(j, id);
  if (!found) return null;
  const m = found.milestone;
  const up = (patch: Parameters<typeof updateMilestone>[2], name: string) =>
    edit((x) => updateMilestone(x, id, patch), field(name));
  return (
    <>
      <NameFields name={m.name} description={m.description} set={up} />
      <SelectField
        label="Stage"
        value={found.stage.id}
        options={stageOptions}
        onChange={(v) => v && edit((x) => moveMilestone(x, id, v, Number.MAX_SAFE_INTEGER), "move")}
      />
      <Checkbox
        label="First value (the customer's first “wow”)"
        checked={m.first_value}
        onChange={(v) => up({ first_value: v }, "first_value")}
      />
      <h3>Criteria — all must hold</h3>
      {m.criteria.map((c, i) => (
        <CriterionEditor
          // biome-ignore lint/suspicious/noArrayIndexKey: criteria have no id; position is identity
          key={i}
          index={i}
          criterion={c}
          onChange={(next) =>
            up({ criteria: m.criteria.map((x, k) => (k === i ? next : x)) }, `criteria.${i}`)
          }
          onRemove={() => up({ criteria: m.criteria.filter((_, k) => k !== i) }, "criteria.remove")}
        />
      ))}
      <button
        type="button"
        className="button"
        data-testid="add-criterion"
        onClick={() =>
          up(
            {
              criteria: [
                ...m.criteria,
                {
                  event: "event_name",
                  aggregate: "count",
                  op: ">=",
                  value: 1,
                  window_days: null,
                },
              ],
            },
            "criteria.add",
          )
        }
      >
        + Add criterion
      </button>
      <h3>Task list</h3>
      <ol className="task-list">
        {m.tasks.map((t, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: tasks have no id; position is identity
          <li key={i}>
            <input
              aria-label={`Task ${i + 1}`}
              value={t.title}
              onChange={(e) =>
                up(
                  {
                    tasks: m.tasks.map((x, k) => (k === i ? { ...x, title: e.target.value } : x)),
                  },
                  `tasks.${i}`,
                )
              }
            />
            <button
              type="button"
              className="button button-quiet"
              aria-label="Move up"
              disabled={i === 0}
              onClick={() => {
                const tasks = [...m.tasks];
                [tasks[i - 1], tasks[i]] = [
                  tasks[i] as (typeof tasks)[0],
                  tasks[i - 1] as (typeof tasks)[0],
                ];
                up({ tasks }, "tasks.move");
              }}
            >
              ↑
            </button>
            <button
              type="button"
              className="button button-quiet"
              aria-label="Remove task"
              onClick={() => up({ tasks: m.tasks.filter((_, k) => k !== i) }, "tasks.remove")}
            >
              ✕
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button"
        onClick={() => up({ tasks: [...m.tasks, { title: "New task" }] }, "tasks.add")}
      >
        + Add task
      </button>
    </>
  );
}

function ActivityForm({ journey: j, id, edit }: FormProps) {
  const field = (name: string) => `activity:${id}:${name}`;
  const stageOptions = j.stages.map((s) => ({ value: s.id, label: s.name }));
  const a = j.activities.find((x) => x.id === id);
  if (!a) return null;
  const up = (patch: Partial<Activity>, name: string) =>
    edit((x) => updateActivity(x, id, patch), field(name));
  const trigger = a.trigger ?? { kind: "manual" };
  return (
    <>
      <NameFields name={a.name} description={a.description} set={up} />
      <SelectField
        label="Stage"
        value={a.stage}
        options={stageOptions}
        testId="inspector-stage"
        onChange={(v) => v && edit((x) => moveActivity(x, id, v, Number.MAX_SAFE_INTEGER), "move")}
      />
      <SelectField
        label="Owner (role)"
        value={a.role}
        options={j.roles.map((r) => ({ value: r.id, label: r.name }))}
        none="— no owner —"
        testId="inspector-role"
        onChange={(v) => up({ role: v }, "role")}
      />
      <div className="field">
        <span className="field-label">Supports milestones</span>
        {j.stages.map((s) =>
          s.milestones.map((m) => (
            <Checkbox
              key={m.id}
              label={`${s.name} · ${m.name}`}
              checked={a.milestones.includes(m.id)}
              testId={`supports-${m.id}`}
              onChange={(on) =>
                up(
                  {
                    milestones: toggled(a.milestones, m.id, on),
                  },
                  "milestones",
                )
              }
            />
          )),
        )}
      </div>
      <SelectField
        label="Trigger"
        value={trigger.kind}
        options={TRIGGERS}
        onChange={(v) => up({ trigger: defaultTrigger(v ?? "manual", j) }, "trigger")}
      />
      {trigger.kind === "milestone_reached" && (
        <SelectField
          label="Milestone"
          value={trigger.milestone}
          options={allMilestones(j).map((m) => ({ value: m.id, label: m.name }))}
          onChange={(v) =>
            v && up({ trigger: { kind: "milestone_reached", milestone: v } }, "trigger.milestone")
          }
        />
      )}
      {trigger.kind === "stuck" && (
        <NumberField
          label="Days without progress"
          integer
          min={1}
          value={trigger.days}
          onChange={(v) =>
            v && v >= 1 && up({ trigger: { kind: "stuck", days: v } }, "trigger.days")
          }
        />
      )}
      {trigger.kind === "in_quadrant" && (
        <div className="field-row">
          <SelectField
            label="Matrix"
            value={trigger.matrix}
            options={j.matrices.map((m) => ({ value: m.id, label: m.name }))}
            onChange={(v) => v && up({ trigger: { ...trigger, matrix: v } }, "trigger.matrix")}
          />
          <SelectField
            label="Quadrant"
            value={trigger.quadrant}
            options={quadrantOptions(j, trigger.matrix)}
            onChange={(v) => v && up({ trigger: { ...trigger, quadrant: v } }, "trigger.quadrant")}
          />
        </div>
      )}
      {trigger.kind === "recurring" && (
        <NumberField
          label="Every (days)"
          integer
          min={1}
          value={trigger.every_days}
          onChange={(v) =>
            v && v >= 1 && up({ trigger: { kind: "recurring", every_days: v } }, "trigger.every")
          }
        />
      )}
      <div className="field-row">
        <SelectField
          label="Channel"
          value={a.channel}
          options={CHANNELS}
          none="—"
          onChange={(v) => up({ channel: v }, "channel")}
        />
        <SelectField
          label="Effort"
          value={a.effort}
          options={EFFORTS}
          none="—"
          onChange={(v) => up({ effort: v }, "effort")}
        />
      </div>
    </>
  );
}

function RoleForm({ journey: j, id, edit }: FormProps) {
  const field = (name: string) => `role:${id}:${name}`;
  const r = j.roles.find((x) => x.id === id);
  if (!r) return null;
  const plays = j.activities.filter((a) => a.role === id);
  return (
    <>
      <NameFields
        name={r.name}
        description={r.description}
        set={(patch, name) => edit((x) => updateRole(x, id, patch), field(name))}
      />
      <div className="field">
        <span className="field-label">On the team of</span>
        {j.stages.map((s) => {
          const owns = plays.some((a) => a.stage === s.id);
          return (
            <Checkbox
              key={s.id}
              label={owns ? `${s.name} (owns plays there)` : s.name}
              checked={owns || (r.stages ?? []).includes(s.id)}
              disabled={owns}
              onChange={(on) =>
                edit(
                  (x) => updateRole(x, id, { stages: toggled(r.stages ?? [], s.id, on) }),
                  field("stages"),
                )
              }
            />
          );
        })}
      </div>
      <div className="field">
        <span className="field-label">Plays owned</span>
        {plays.length === 0 ? (
          <div className="field-hint">None yet: choose this role as the owner of a play.</div>
        ) : (
          <ul className="plain-list">
            {plays.map((a) => (
              <li key={a.id}>{a.name}</li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}

function MetricForm({ journey: j, id, edit }: FormProps) {
  const field = (name: string) => `metric:${id}:${name}`;
  const stageOptions = j.stages.map((s) => ({ value: s.id, label: s.name }));
  const m = j.metrics.find((x) => x.id === id);
  if (!m) return null;
  const up = (patch: Parameters<typeof updateMetric>[2], name: string) =>
    edit((x) => updateMetric(x, id, patch), field(name));
  const t = m.thresholds;
  return (
    <>
      <TextField
        label="Name"
        value={m.name}
        testId="inspector-name"
        onChange={(v) => up({ name: v }, "name")}
      />
      <SelectField
        label="Stage"
        value={m.stage}
        options={stageOptions}
        onChange={(v) => v && edit((x) => moveMetric(x, id, v, Number.MAX_SAFE_INTEGER), "move")}
      />
      <TextArea
        label="Definition"
        value={m.definition}
        onChange={(v) => up({ definition: optionalText(v) }, "definition")}
      />
      <div className="field-row">
        <TextField
          label="Source event"
          value={m.event}
          onChange={(v) => up({ event: v }, "event")}
        />
        <SelectField
          label="Aggregate"
          value={m.aggregate}
          options={(["count", "sum", "min", "max", "last", "distinct_days"] as const).map((a) => ({
            value: a,
            label: a,
          }))}
          onChange={(v) => v && up({ aggregate: v }, "aggregate")}
        />
      </div>
      <div className="field-row">
        <NumberField
          label="Window (days)"
          integer
          min={1}
          value={m.window_days}
          onChange={(v) => up({ window_days: v && v >= 1 ? v : undefined }, "window")}
        />
        <TextField
          label="Unit"
          value={m.unit}
          onChange={(v) => up({ unit: optionalText(v) }, "unit")}
        />
      </div>
      <div className="field-row">
        <NumberField
          label="Target"
          value={m.target}
          onChange={(v) => up({ target: v }, "target")}
        />
        <SelectField
          label="Direction"
          value={m.direction}
          options={DIRECTIONS}
          onChange={(v) => v && up({ direction: v }, "direction")}
        />
      </div>
      <div className="field-row">
        <NumberField
          label="Green at"
          value={t?.green}
          onChange={(v) =>
            up(
              { thresholds: v === undefined ? undefined : { green: v, red: t?.red ?? v } },
              "green",
            )
          }
        />
        <NumberField
          label="Red at"
          value={t?.red}
          onChange={(v) =>
            up(
              { thresholds: v === undefined ? undefined : { red: v, green: t?.green ?? v } },
              "red",
            )
          }
        />
      </div>
      <ValueFields m={m} up={up} />
    </>
  );
}

type Worth = "none" | "fixed" | "arr";

/** A metric as a value metric: its baseline window and what one unit better is worth. */
function ValueFields({
  m,
  up,
}: {
  m: Metric;
  up: (patch: Parameters<typeof updateMetric>[2], name: string) => void;
}) {
  const v = m.value;
  const worth: Worth =
    v?.unit_value != null ? "fixed" : v?.unit_value_arr_share != null ? "arr" : "none";
  const set = (patch: Partial<ValueSpec>, name: string) =>
    v && up({ value: { ...v, ...patch } }, `value.${name}`);
  return (
    <div className="value-fields">
      <Checkbox
        label="Value metric: compare its improvement with peers"
        checked={v !== undefined}
        testId="metric-value"
        onChange={(on) => up({ value: on ? { baseline_days: 30 } : undefined }, "value")}
      />
      {v && (
        <>
          <NumberField
            label="Baseline: its value over the first N days"
            integer
            min={1}
            value={v.baseline_days}
            onChange={(d) => d && d >= 1 && set({ baseline_days: d }, "baseline")}
          />
          <div className="field-row">
            <SelectField
              label="One unit better is worth"
              value={worth}
              options={[
                { value: "none", label: "Not set" },
                { value: "fixed", label: "An amount a year" },
                { value: "arr", label: "A share of ARR" },
              ]}
              onChange={(w) =>
                up(
                  {
                    value: {
                      baseline_days: v.baseline_days,
                      unit_value: w === "fixed" ? (v.unit_value ?? 100) : undefined,
                      unit_value_arr_share:
                        w === "arr" ? (v.unit_value_arr_share ?? 0.001) : undefined,
                    },
                  },
                  "value.worth",
                )
              }
            />
            {worth === "fixed" && (
              <NumberField
                label="Amount a year"
                min={0}
                value={v.unit_value}
                onChange={(n) => n !== undefined && n >= 0 && set({ unit_value: n }, "amount")}
              />
            )}
            {worth === "arr" && (
              <NumberField
                label="% of ARR a year"
                min={0}
                value={
                  v.unit_value_arr_share == null
                    ? undefined
                    : Math.round(v.unit_value_arr_share * 1e6) / 1e4
                }
                onChange={(n) =>
                  n !== undefined && n >= 0 && set({ unit_value_arr_share: n / 100 }, "share")
                }
              />
            )}
          </div>
        </>
      )}
    </div>
  );
}

function NoteForm({ journey: j, id, edit }: FormProps) {
  const field = (name: string) => `note:${id}:${name}`;
  const n = j.notes.find((x) => x.id === id);
  const people = j.workshop?.participants ?? [];
  if (!n) return null;
  return (
    <>
      <TextArea
        label="Note"
        value={n.text}
        onChange={(v) => edit((x) => updateNote(x, id, { text: v }), field("text"))}
      />
      <div className="field">
        <span className="field-label">Colour</span>
        <div className="swatches">
          {COLORS.map((c) => (
            <button
              key={c}
              type="button"
              aria-label={c}
              aria-pressed={n.color === c}
              className={`swatch sticky-${c}`}
              onClick={() => edit((x) => updateNote(x, id, { color: c }), field("color"))}
            />
          ))}
        </div>
      </div>
      {people.length > 0 && (
        <label className="field">
          <span className="field-label">Written by</span>
          <select
            value={n.author ?? ""}
            data-testid="note-author-select"
            onChange={(e) =>
              edit(
                (x) => updateNote(x, id, { author: e.target.value || undefined }),
                field("author"),
              )
            }
          >
            <option value="">Nobody in particular</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="field">
        <span
          className="field-label"
          title="Dots counted from a paper or whiteboard vote; the Voting panel runs rounds in the app"
        >
          Dots counted by hand: {n.votes}
        </span>
        <div className="field-row">
          <button
            type="button"
            className="button"
            onClick={() => edit((x) => updateNote(x, id, { votes: n.votes + 1 }), "vote")}
          >
            + Dot
          </button>
          <button
            type="button"
            className="button"
            disabled={n.votes === 0}
            onClick={() => edit((x) => updateNote(x, id, { votes: n.votes - 1 }), "vote")}
          >
            − Dot
          </button>
        </div>
      </div>
      <button
        type="button"
        className="button"
        title="Set the note aside to revisit later: it leaves the board for the parking lot"
        onClick={() => edit((x) => updateNote(x, id, { parked: true }), "park")}
        data-testid="note-park"
      >
        Move to the parking lot
      </button>
    </>
  );
}

/** The form of each kind of item: one component each. */
const FORMS: Record<ItemKind, (props: FormProps) => React.ReactNode> = {
  stage: StageForm,
  milestone: MilestoneForm,
  activity: ActivityForm,
  role: RoleForm,
  metric: MetricForm,
  note: NoteForm,
};

export function Inspector({ journey, kind, id, edit, findings, onDelete }: Props) {
  const Form = FORMS[kind];
  return (
    <div className="inspector" data-testid="inspector">
      <div className="inspector-kind">{KIND_TITLES[kind]}</div>
      {findings.length > 0 && (
        <ul className="inspector-findings">
          {findings.map((f) => (
            <li key={f.rule}>{f.message}</li>
          ))}
        </ul>
      )}
      <Form journey={journey} id={id} edit={edit} />
      <div className="inspector-footer">
        <button
          type="button"
          className="button button-danger-quiet"
          onClick={onDelete}
          data-testid="inspector-delete"
        >
          Delete {KIND_TITLES[kind].toLowerCase()}
        </button>
      </div>
    </div>
  );
}
