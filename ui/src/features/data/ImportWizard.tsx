// Import customer data: pick a file → preview and map its columns → import with progress
// and Cancel → summary. The import is one transaction in the core: errors, a cancel or a
// crash leave the workspace as it was, and the report says which row and column to fix.
import { useRef } from "react";
import { ErrorBanner } from "../../components/ErrorBanner";
import { useEscape } from "../../components/useEscape";
import { DoneStep } from "./DoneStep";
import { FileStep } from "./FileStep";
import { MapStep } from "./MapStep";
import { RunStep } from "./RunStep";
import { useImportChoices } from "./useImportChoices";
import { useImportSteps } from "./useImportSteps";

interface Props {
  onClose: (changed: boolean) => void;
  /** Called as soon as an import is stored, so the screen behind shows the new counts. */
  onImported: () => void;
}

export function ImportWizard({ onClose, onImported }: Props) {
  const choices = useImportChoices();
  const flow = useImportSteps(choices, onImported);
  const { step, error, changed } = flow;
  const running = step.kind === "run";
  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  // Escape closes the wizard, except while an import runs (Cancel stops that).
  useEscape(() => {
    if (!running) closeRef.current(changed);
  });

  return (
    <div className="modal-backdrop">
      <div
        className="modal wizard"
        role="dialog"
        aria-modal="true"
        aria-labelledby="wizard-title"
        data-testid="import-wizard"
      >
        <div className="wizard-head">
          <h2 id="wizard-title">Import customer data</h2>
          <ol className="wizard-steps">
            {["File", "Columns", "Import"].map((label, i) => {
              const at = step.kind === "file" ? 0 : step.kind === "map" ? 1 : 2;
              return (
                <li key={label} className={i === at ? "current" : i < at ? "past" : ""}>
                  {label}
                </li>
              );
            })}
          </ol>
        </div>
        {error && <ErrorBanner error={error} onDismiss={() => flow.setError(null)} />}

        {step.kind === "file" && (
          <FileStep
            choices={choices}
            busy={flow.busy}
            onNext={() => void flow.loadPreview()}
            onClose={() => onClose(changed)}
          />
        )}

        {step.kind === "map" && (
          <MapStep
            preview={step.preview}
            choices={choices}
            onSheet={(s) => {
              choices.setSheet(s);
              void flow.loadPreview(s);
            }}
            onBack={() => flow.setStep({ kind: "file" })}
            onImport={() => flow.run(choices.skipBad)}
          />
        )}

        {step.kind === "run" && (
          <RunStep progress={step.progress} cancelling={step.cancelling} onCancel={flow.cancel} />
        )}

        {step.kind === "done" && (
          <DoneStep
            outcome={step.outcome}
            onSkipBad={() => flow.run(true)}
            onClose={() => onClose(changed)}
            onAnother={flow.another}
          />
        )}
      </div>
    </div>
  );
}
