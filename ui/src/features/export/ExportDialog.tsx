// The Export dialog: the playbook as PDF (its first pages previewed before saving), the
// journey map as an image for slides, the journey file, and the customers as CSV. Each
// is saved through the native dialog, written whole or not at all by the core.

import { useEffect, useRef, useState } from "react";
import { ErrorBanner } from "../../components/ErrorBanner";
import { Tabs } from "../../components/Tabs";
import { useEscape } from "../../components/useEscape";
import { type AppError, api } from "../../ipc";
import { ExportOptions } from "./ExportOptions";
import { ExportPreview } from "./ExportPreview";
import type { ExportKind } from "./files";
import { useExportOptions } from "./useExportOptions";
import { useExportPreview } from "./useExportPreview";
import { useExportSave } from "./useExportSave";

export { COMPANY_KEY, PAPER_KEY } from "./useExportOptions";

const KINDS = [
  { id: "pdf", label: "PDF playbook", testId: "export-kind-pdf" },
  { id: "image", label: "Journey map image", testId: "export-kind-image" },
  { id: "json", label: "Journey file (JSON)", testId: "export-kind-json" },
  { id: "csv", label: "Customers (CSV)", testId: "export-kind-csv" },
];

interface Props {
  journeyId: number;
  journeyName: string;
  /** Whether the workspace has customer data (the numbers, the counts, the CSV). */
  hasData: boolean;
  onClose: () => void;
  /** A file was written: tell the person where. */
  onSaved: (path: string) => void;
}

export function ExportDialog({ journeyId, journeyName, hasData, onClose, onSaved }: Props) {
  const [kind, setKind] = useState<ExportKind>("pdf");
  const [error, setError] = useState<AppError | null>(null);
  const saveRef = useRef<HTMLButtonElement>(null);
  const choices = useExportOptions(hasData);
  const { save, busy, progress } = useExportSave({
    kind,
    journeyId,
    journeyName,
    choices,
    onSaved,
    setError,
  });

  useEscape(() => {
    if (busy) void api.cancelExport();
    else onClose();
  });
  useEffect(() => saveRef.current?.focus(), []);

  // The preview follows the options, a moment after the last change.
  const shown = useExportPreview(kind, journeyId, choices.pdfOptions, choices.mapOptions, setError);
  const { format } = choices;

  return (
    <div className="modal-backdrop">
      <div
        className="modal export-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="export-title"
        data-testid="export-dialog"
      >
        <h2 id="export-title">Export “{journeyName}”</h2>
        <Tabs
          label="What to export"
          items={KINDS}
          active={kind}
          onSelect={(id) => setKind(id as ExportKind)}
        />
        {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
        <div className="export-body">
          <ExportOptions kind={kind} choices={choices} hasData={hasData} />
          <ExportPreview kind={kind} shown={shown} />
        </div>
        {progress && (
          <div className="export-progress" role="status">
            <progress max={progress.steps} value={progress.step} />
            <span>
              {progress.words} ({progress.step} of {progress.steps})
            </span>
          </div>
        )}
        <div className="modal-actions">
          {busy ? (
            <button type="button" className="button" onClick={() => void api.cancelExport()}>
              Cancel export
            </button>
          ) : (
            <button type="button" className="button" onClick={onClose}>
              Close
            </button>
          )}
          <button
            type="button"
            ref={saveRef}
            className="button button-primary"
            disabled={busy || (kind === "csv" && !hasData)}
            onClick={() => void save()}
            data-testid="export-save"
          >
            {kind === "pdf"
              ? "Save PDF…"
              : kind === "image"
                ? `Save ${format.toUpperCase()}…`
                : kind === "json"
                  ? "Save journey file…"
                  : "Save CSV…"}
          </button>
        </div>
      </div>
    </div>
  );
}
