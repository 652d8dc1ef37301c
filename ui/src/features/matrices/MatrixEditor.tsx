// A matrix's definition on screen, no JSON: its name, both axes (what they read, range,
// threshold, which end is better), the best corner, how much decision makers weigh, and
// each quadrant's name, support level, rationale and the play to run.
import type { Axis } from "../../bindings/Axis";
import type { AxisField } from "../../bindings/AxisField";
import type { Corner } from "../../bindings/Corner";
import type { Direction } from "../../bindings/Direction";
import type { Journey } from "../../bindings/Journey";
import type { Matrix } from "../../bindings/Matrix";
import type { Quadrant } from "../../bindings/Quadrant";
import { SCORES, SUPPORTS } from "../../bindings/vocabulary";
import { NumberField, SelectField, TextArea, TextField } from "../../components/fields";
import { CORNER_WORDS, CORNERS } from "./quadrants";

interface Props {
  matrix: Matrix;
  journey: Journey;
  /** `label` groups quick edits of one field into one undo step. */
  onChange: (next: Matrix, label: string) => void;
}

/** An axis field as one select value: a score, "arr", "metric:<id>" or "attribute". */
function fieldKey(f: AxisField): string {
  if (typeof f === "string") return f;
  return "metric" in f ? `metric:${f.metric}` : "attribute";
}

function fieldOf(key: string, previous: AxisField): AxisField {
  if (key.startsWith("metric:")) return { metric: key.slice("metric:".length) };
  if (key === "attribute")
    return typeof previous === "object" && "attribute" in previous ? previous : { attribute: "" };
  return key as AxisField;
}

function AxisFields(props: {
  name: "x" | "y";
  axis: Axis;
  journey: Journey;
  set: (a: Axis, field: string) => void;
}) {
  const { axis: a, set, name } = props;
  const fields = [
    ...SCORES.map((s) => ({ value: s.value as string, label: `${s.label} (stakeholder score)` })),
    { value: "arr", label: "ARR (customer)" },
    ...props.journey.metrics.map((m) => ({ value: `metric:${m.id}`, label: `${m.name} (metric)` })),
    { value: "attribute", label: "A column of the customers file…" },
  ];
  const f = a.field;
  return (
    <fieldset className="matrix-axis">
      <legend>{name === "x" ? "Across (x axis)" : "Up (y axis)"}</legend>
      <TextField
        label="Label"
        value={a.label}
        onChange={(v) => set({ ...a, label: v }, `${name}.label`)}
      />
      <SelectField
        label="Reads"
        value={fieldKey(f)}
        options={fields}
        testId={`matrix-${name}-field`}
        onChange={(v) => v && set({ ...a, field: fieldOf(v, f) }, `${name}.field`)}
      />
      {typeof f === "object" && "attribute" in f && (
        <TextField
          label="Column name"
          value={f.attribute}
          placeholder="e.g. seats"
          onChange={(v) => set({ ...a, field: { attribute: v } }, `${name}.attribute`)}
        />
      )}
      <div className="field-row">
        <NumberField
          label="From"
          value={a.min}
          onChange={(v) => v !== undefined && set({ ...a, min: v }, `${name}.min`)}
        />
        <NumberField
          label="To"
          value={a.max}
          onChange={(v) => v !== undefined && set({ ...a, max: v }, `${name}.max`)}
        />
        <NumberField
          label="High from"
          hint="On the threshold counts as high"
          value={a.threshold}
          testId={`matrix-${name}-threshold`}
          onChange={(v) => v !== undefined && set({ ...a, threshold: v }, `${name}.threshold`)}
        />
      </div>
      <SelectField<Direction>
        label="Better"
        value={a.better}
        none="As usual (lower for effort and complexity)"
        options={[
          { value: "higher", label: "Higher" },
          { value: "lower", label: "Lower" },
        ]}
        onChange={(v) => set({ ...a, better: v }, `${name}.better`)}
      />
    </fieldset>
  );
}

export function MatrixEditor({ matrix: m, journey, onChange }: Props) {
  const quadrant = (c: Corner): Quadrant =>
    m.quadrants.find((q) => q.corner === c) ?? { corner: c, name: CORNER_WORDS[c] };
  const setQuadrant = (q: Quadrant, field: string) =>
    onChange(
      {
        ...m,
        quadrants: CORNERS.map((c) => (c === q.corner ? q : quadrant(c))),
      },
      `quadrant.${q.corner}.${field}`,
    );
  return (
    <section className="panel-card matrix-editor" data-testid="matrix-editor">
      <TextField
        label="Name"
        value={m.name}
        onChange={(v) => onChange({ ...m, name: v }, "name")}
        testId="matrix-name"
      />
      <AxisFields name="x" axis={m.x} journey={journey} set={(x, f) => onChange({ ...m, x }, f)} />
      <AxisFields name="y" axis={m.y} journey={journey} set={(y, f) => onChange({ ...m, y }, f)} />
      <div className="field-row">
        <SelectField<Corner>
          label="Best corner"
          value={m.best}
          options={CORNERS.map((c) => ({ value: c, label: CORNER_WORDS[c] }))}
          onChange={(v) => v && onChange({ ...m, best: v }, "best")}
        />
        <NumberField
          label="Decision makers count"
          hint="Times a decision maker's scores count in a customer's mean"
          value={m.decision_weight ?? 2}
          min={1}
          onChange={(v) => onChange({ ...m, decision_weight: v }, "decision_weight")}
        />
      </div>
      {CORNERS.map((c) => {
        const q = quadrant(c);
        return (
          <fieldset key={c} className="matrix-quadrant">
            <legend>{CORNER_WORDS[c]}</legend>
            <TextField
              label="Name"
              value={q.name}
              testId={`quadrant-name-${c}`}
              onChange={(v) => setQuadrant({ ...q, name: v }, "name")}
            />
            <SelectField
              label="Support"
              value={q.support ?? undefined}
              none="—"
              options={SUPPORTS}
              onChange={(v) => setQuadrant({ ...q, support: v }, "support")}
            />
            <TextArea
              label="Why"
              value={q.rationale ?? undefined}
              onChange={(v) => setQuadrant({ ...q, rationale: v || undefined }, "rationale")}
            />
            <SelectField
              label="Play to run"
              value={q.activity ?? undefined}
              none="—"
              options={journey.activities.map((a) => ({ value: a.id, label: a.name }))}
              onChange={(v) => setQuadrant({ ...q, activity: v }, "activity")}
            />
          </fieldset>
        );
      })}
    </section>
  );
}
