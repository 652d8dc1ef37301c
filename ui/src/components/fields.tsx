// Labelled form controls for the inspector. Each reports plain values; empty optional
// fields report undefined so the journey file stays free of "" and nulls.
import { useId } from "react";

interface Base {
  label: string;
  hint?: string;
  testId?: string;
}

function Field({ label, hint, id, children }: Base & { id: string; children: React.ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && <div className="field-hint">{hint}</div>}
    </div>
  );
}

export function TextField(
  props: Base & { value: string | undefined; onChange: (v: string) => void; placeholder?: string },
) {
  const id = useId();
  return (
    <Field {...props} id={id}>
      <input
        id={id}
        type="text"
        value={props.value ?? ""}
        placeholder={props.placeholder}
        data-testid={props.testId}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </Field>
  );
}

export function TextArea(
  props: Base & { value: string | undefined; onChange: (v: string) => void; placeholder?: string },
) {
  const id = useId();
  return (
    <Field {...props} id={id}>
      <textarea
        id={id}
        rows={3}
        value={props.value ?? ""}
        placeholder={props.placeholder}
        data-testid={props.testId}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </Field>
  );
}

/** A number box; empty means "not set". */
export function NumberField(
  props: Base & {
    value: number | undefined | null;
    onChange: (v: number | undefined) => void;
    min?: number;
    step?: number;
    integer?: boolean;
  },
) {
  const id = useId();
  return (
    <Field {...props} id={id}>
      <input
        id={id}
        type="number"
        min={props.min}
        step={props.step ?? (props.integer ? 1 : "any")}
        value={props.value ?? ""}
        data-testid={props.testId}
        onChange={(e) => {
          const raw = e.target.value;
          if (raw === "") return props.onChange(undefined);
          const n = props.integer ? Number.parseInt(raw, 10) : Number.parseFloat(raw);
          if (Number.isFinite(n)) props.onChange(n);
        }}
      />
    </Field>
  );
}

export function SelectField<T extends string>(
  props: Base & {
    value: T | undefined;
    options: readonly { value: T; label: string }[];
    onChange: (v: T | undefined) => void;
    /** Label of the "not set" choice; without it a value is required. */
    none?: string;
  },
) {
  const id = useId();
  return (
    <Field {...props} id={id}>
      <select
        id={id}
        value={props.value ?? ""}
        data-testid={props.testId}
        onChange={(e) => props.onChange(e.target.value === "" ? undefined : (e.target.value as T))}
      >
        {props.none !== undefined && <option value="">{props.none}</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function Checkbox(props: {
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  testId?: string;
  disabled?: boolean;
}) {
  return (
    <label className="checkbox">
      <input
        type="checkbox"
        checked={props.checked}
        disabled={props.disabled}
        data-testid={props.testId}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      {props.label}
    </label>
  );
}
