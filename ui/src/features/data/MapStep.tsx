// The import wizard's second step: the file's first rows, a column per field, the options.
import type { DataPreview } from "../../bindings/DataPreview";
import { ColumnMapping } from "./ColumnMapping";
import { ImportSwitches } from "./ImportSwitches";
import { PreviewTable } from "./PreviewTable";
import type { ImportChoices } from "./useImportChoices";

interface Props {
  preview: DataPreview;
  choices: ImportChoices;
  onSheet: (sheet: string) => void;
  onBack: () => void;
  onImport: () => void;
}

export function MapStep({ preview, choices: p, onSheet, onBack, onImport }: Props) {
  const fields = preview.fields.filter(
    (f) => !(p.wide && (f.key === "event" || f.key === "value")),
  );
  const used = new Set(fields.map((f) => p.mapping[f.key]).filter(Boolean));
  const rest = preview.headers.filter((h) => !used.has(h));
  const missing = fields.filter((f) => f.required && !p.mapping[f.key]);
  const hasDates = fields.some((f) => f.kind === "date" && p.mapping[f.key]);
  return (
    <div className="wizard-body">
      <p className="wizard-format">
        {preview.format}
        {preview.sheets.length > 1 && (
          <>
            {" · "}
            <label>
              Sheet{" "}
              <select
                value={p.sheet ?? preview.sheets[0]}
                onChange={(e) => onSheet(e.target.value)}
              >
                {preview.sheets.map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </select>
            </label>
          </>
        )}
      </p>
      <PreviewTable preview={preview} used={used} />
      <ColumnMapping
        preview={preview}
        fields={fields}
        mapping={p.mapping}
        setMapping={p.setMapping}
        rest={rest}
        table={p.table}
        wide={p.wide}
      />
      <ImportSwitches choices={p} hasDates={hasDates} datesAmbiguous={preview.dates_ambiguous} />

      <div className="modal-actions">
        <button type="button" className="button" onClick={onBack}>
          ← Back
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={missing.length > 0}
          title={
            missing.length > 0
              ? `Choose a column for ${missing.map((f) => f.label).join(", ")}`
              : ""
          }
          data-testid="import-run"
          onClick={onImport}
        >
          Import
        </button>
      </div>
    </div>
  );
}
