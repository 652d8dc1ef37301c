// A row of tabs (the Tasks view's lists, the Matrices view's matrices): one is active,
// each may carry a count badge.
import type { ReactNode } from "react";

export interface TabItem {
  id: string;
  label: ReactNode;
  testId?: string;
}

export function Tabs(props: {
  label: string;
  items: TabItem[];
  active: string;
  onSelect: (id: string) => void;
}) {
  return (
    <div className="tabs" role="tablist" aria-label={props.label}>
      {props.items.map((t) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          aria-selected={props.active === t.id}
          className={props.active === t.id ? "tab tab-active" : "tab"}
          onClick={() => props.onSelect(t.id)}
          data-testid={t.testId}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}

/** A select in a toolbar that narrows a list: "All", then each option. */
export function FilterSelect(props: {
  label: string;
  value: string;
  options: { value: string; label: string }[] | string[];
  onChange: (value: string) => void;
  testId?: string;
}) {
  const options = props.options.map((o) => (typeof o === "string" ? { value: o, label: o } : o));
  return (
    <label className="inline-field">
      {props.label}{" "}
      <select
        className="select"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        data-testid={props.testId}
      >
        <option value="">All</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
