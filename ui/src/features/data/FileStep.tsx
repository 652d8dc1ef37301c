// The import wizard's first step: what the file holds, and the file itself (typed or browsed).
import { useId } from "react";
import type { DataTable } from "../../bindings/DataTable";
import type { ImportChoices } from "./useImportChoices";

const TABLES: { key: DataTable; title: string; text: string }[] = [
  {
    key: "customers",
    title: "Customers",
    text: "One row per customer: id, name, segment, plan, ARR, start and churn dates, owner. Other columns are kept.",
  },
  {
    key: "events",
    title: "Usage events",
    text: "One row per event: customer id, time, event name, value. Import customers first.",
  },
  {
    key: "stakeholders",
    title: "Stakeholders",
    text: "People at each customer: name, title, decision maker, scores from 1 to 10.",
  },
];

interface Props {
  choices: ImportChoices;
  /** Reading the file's preview. */
  busy: boolean;
  onNext: () => void;
  onClose: () => void;
}

export function FileStep({ choices, busy, onNext, onClose }: Props) {
  const { table, setTable, path, setPath, browse } = choices;
  const pathId = useId();
  return (
    <div className="wizard-body">
      <fieldset className="table-choice">
        <legend className="field-label">What does the file hold?</legend>
        {TABLES.map((t) => (
          <label key={t.key} className={table === t.key ? "choice chosen" : "choice"}>
            <input
              className="choice-radio"
              type="radio"
              name="table"
              value={t.key}
              checked={table === t.key}
              data-testid={`table-${t.key}`}
              onChange={() => setTable(t.key)}
            />
            <span className="choice-title">{t.title}</span>
            <span className="choice-text">{t.text}</span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={pathId}>File (CSV, Excel or OpenDocument)</label>
        <div className="file-row">
          <input
            id={pathId}
            className="file-input"
            type="text"
            value={path}
            placeholder="/path/to/export.csv"
            data-testid="import-path"
            onChange={(e) => setPath(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && path.trim()) onNext();
            }}
          />
          <button type="button" className="button" onClick={browse}>
            Browse…
          </button>
        </div>
      </div>
      <div className="modal-actions">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={!path.trim() || busy}
          data-testid="import-next"
          onClick={onNext}
        >
          {busy ? "Reading…" : "Next: columns →"}
        </button>
      </div>
    </div>
  );
}
