// The import wizard's column mapping: a file column per field, and what becomes of the rest.
import type { DataPreview } from "../../bindings/DataPreview";
import type { DataTable } from "../../bindings/DataTable";
import type { Field } from "../../bindings/Field";

interface Props {
  preview: DataPreview;
  /** The fields asked for (a wide file's event and value are not). */
  fields: Field[];
  mapping: Record<string, string>;
  setMapping: (mapping: Record<string, string>) => void;
  /** The headers mapped to no field. */
  rest: string[];
  table: DataTable;
  wide: boolean;
}

export function ColumnMapping({ preview, fields, mapping, setMapping, rest, table, wide }: Props) {
  return (
    <div className="mapping" data-testid="import-mapping">
      {fields.map((f) => (
        <div className="mapping-row" key={f.key}>
          <div className="mapping-field">
            <span className="mapping-label">
              {f.label}
              {f.required && <span className="required">required</span>}
            </span>
            {f.help && <span className="field-hint">{f.help}</span>}
          </div>
          <select
            className="select"
            value={mapping[f.key] ?? ""}
            data-testid={`map-${f.key}`}
            aria-label={`Column for ${f.label}`}
            onChange={(e) => setMapping({ ...mapping, [f.key]: e.target.value })}
          >
            <option value="">— not imported —</option>
            {preview.headers.map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </select>
        </div>
      ))}
      {rest.length > 0 && (
        <p className="field-hint">
          {table === "customers"
            ? `Kept as attributes: ${rest.join(", ")}.`
            : wide
              ? `Each becomes an event: ${rest.join(", ")}.`
              : `Not imported: ${rest.join(", ")}.`}
        </p>
      )}
    </div>
  );
}
