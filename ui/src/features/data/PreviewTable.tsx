// The file's first rows as the import wizard read them, the mapped columns marked.
import type { DataPreview } from "../../bindings/DataPreview";

interface Props {
  preview: DataPreview;
  /** The headers mapped to a field. */
  used: Set<string | undefined>;
}

export function PreviewTable({ preview, used }: Props) {
  return (
    <div className="preview-scroll" data-testid="import-preview">
      <table className="preview-table">
        <thead>
          <tr>
            <th className="row-number">Row</th>
            {preview.headers.map((h) => (
              <th key={h} className={used.has(h) ? "mapped" : ""}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.rows.slice(0, 6).map((r) => (
            <tr key={r.number}>
              <td className="row-number">{r.number}</td>
              {r.cells.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells of one fixed row
                <td key={i}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
