// One milestone criterion, editable two ways that stay in step: the text form people type
// in a workshop (`count(billing_cycle_completed) >= 3 within 30d`), checked by the core as
// they type, and a builder with a control per part.
import { useEffect, useRef, useState } from "react";
import type { Aggregate } from "../../bindings/Aggregate";
import type { Criterion } from "../../bindings/Criterion";
import type { Op } from "../../bindings/Op";
import { type AppError, api, toAppError } from "../../ipc";

const AGGREGATES: Aggregate[] = ["count", "sum", "min", "max", "last", "distinct_days"];
const OPS: Op[] = [">=", ">", "<=", "<", "=="];
const PARSE_DELAY_MS = 120;

interface Props {
  criterion: Criterion;
  index: number;
  onChange: (c: Criterion) => void;
  onRemove: () => void;
}

export function CriterionEditor({ criterion, index, onChange, onRemove }: Props) {
  const [text, setText] = useState("");
  const [error, setError] = useState<AppError | null>(null);
  // The criterion the text box stands for; one the box did not produce (the builder, an
  // undo) is printed by the core and replaces the text.
  const own = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const key = JSON.stringify(criterion);

  useEffect(() => {
    if (key === own.current) return;
    own.current = key;
    let live = true;
    api.printCriterion(JSON.parse(key) as Criterion).then(
      (printed) => {
        if (!live) return;
        setText(printed);
        setError(null);
      },
      (e) => live && setError(toAppError(e)),
    );
    return () => {
      live = false;
    };
  }, [key]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  function typed(value: string) {
    setText(value);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      const result = await api.parseCriterion(value);
      if (result instanceof Error) {
        setError(result);
      } else {
        setError(null);
        own.current = JSON.stringify(result);
        onChange(result);
      }
    }, PARSE_DELAY_MS);
  }

  const set = (patch: Partial<Criterion>) => onChange({ ...criterion, ...patch });
  const chars = [...text];

  return (
    <div className="criterion-editor" data-testid="criterion-editor">
      <div className="criterion-text-row">
        <input
          className={error ? "criterion-input invalid" : "criterion-input"}
          value={text}
          spellCheck={false}
          aria-label={`Criterion ${index + 1}`}
          aria-invalid={error !== null}
          data-testid="criterion-text"
          onChange={(e) => typed(e.target.value)}
        />
        <button
          type="button"
          className="button button-quiet"
          onClick={onRemove}
          aria-label="Remove criterion"
        >
          ✕
        </button>
      </div>
      {error && (
        <div className="criterion-error" role="alert" data-testid="criterion-error">
          <code>
            {chars.slice(0, error.span?.start ?? 0).join("")}
            <mark>
              {chars.slice(error.span?.start ?? 0, error.span?.end ?? chars.length).join("") || " "}
            </mark>
            {chars.slice(error.span?.end ?? chars.length).join("")}
          </code>
          <span>{error.message}</span>
        </div>
      )}
      <div className="criterion-builder">
        <select
          aria-label="Aggregate"
          value={criterion.aggregate}
          onChange={(e) => set({ aggregate: e.target.value as Aggregate })}
        >
          {AGGREGATES.map((a) => (
            <option key={a}>{a}</option>
          ))}
        </select>
        <input
          aria-label="Event"
          className="builder-event"
          value={criterion.event}
          onChange={(e) => set({ event: e.target.value })}
        />
        <select
          aria-label="Operator"
          value={criterion.op}
          onChange={(e) => set({ op: e.target.value as Op })}
        >
          {OPS.map((o) => (
            <option key={o}>{o}</option>
          ))}
        </select>
        <input
          aria-label="Value"
          type="number"
          step="any"
          className="builder-number"
          value={criterion.value}
          onChange={(e) => {
            const v = Number.parseFloat(e.target.value);
            if (Number.isFinite(v)) set({ value: v });
          }}
        />
        <label className="builder-window">
          within
          <input
            aria-label="Window in days"
            type="number"
            min={1}
            step={1}
            className="builder-number"
            value={criterion.window_days ?? ""}
            placeholder="all"
            onChange={(e) => {
              const v = Number.parseInt(e.target.value, 10);
              set({ window_days: Number.isFinite(v) && v >= 1 ? v : null });
            }}
          />
          d
        </label>
      </div>
    </div>
  );
}
