// The Export dialog's options column: each kind's choices or note, and whether the numbers go in.
import type { ExportKind } from "./files";
import { ImageOptions } from "./ImageOptions";
import { PdfOptions } from "./PdfOptions";
import type { ExportChoices } from "./useExportOptions";

interface Props {
  kind: ExportKind;
  choices: ExportChoices;
  /** Whether the workspace has customer data (the numbers, the counts, the CSV). */
  hasData: boolean;
}

export function ExportOptions({ kind, choices, hasData }: Props) {
  const dataNote = hasData ? null : (
    <p className="export-note">
      The workspace has no customer data yet, so there are no numbers to include.
    </p>
  );
  return (
    <div className="export-options">
      {kind === "pdf" && <PdfOptions choices={choices} />}
      {kind === "image" && <ImageOptions choices={choices} />}
      {kind === "json" && (
        <p className="export-note">
          The <code>milepost/journey@1</code> file: import it into any Milepost workspace, or read
          it with your own tools. With the numbers, it also carries an analytics snapshot (as-of
          date, funnel, customers per stage by health, quadrant counts) that import ignores.
        </p>
      )}
      {kind === "csv" && (
        <p className="export-note">
          One row per customer: the furthest milestone, when each milestone was reached, stage, days
          in stage, health and its quadrant in every matrix. UTF-8 for Excel; cells that a
          spreadsheet would read as a formula are made safe.
        </p>
      )}
      {kind !== "csv" && (
        <label className="export-check">
          <input
            type="checkbox"
            checked={choices.withData}
            disabled={!hasData}
            onChange={(e) => choices.setWithData(e.target.checked)}
            data-testid="export-with-data"
          />{" "}
          {kind === "pdf"
            ? "The numbers: funnel, health, forecast, matrices, ranking, tasks"
            : kind === "image"
              ? "Live counts on the milestones and stages"
              : "An analytics snapshot of the numbers"}
        </label>
      )}
      {dataNote}
    </div>
  );
}
