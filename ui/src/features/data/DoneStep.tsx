// The import wizard's last step: what was imported, or which rows and columns to fix.
import type { ImportOutcome } from "../../bindings/ImportOutcome";
import { count } from "../../components/text";

export function DoneStep({
  outcome,
  onSkipBad,
  onClose,
  onAnother,
}: {
  outcome: ImportOutcome | null;
  onSkipBad: () => void;
  onClose: () => void;
  onAnother: () => void;
}) {
  if (!outcome)
    return (
      <div className="wizard-body">
        <p className="outcome">The import was cancelled. Nothing was changed.</p>
        <div className="modal-actions">
          <button type="button" className="button" onClick={onAnother}>
            Import a file
          </button>
          <button type="button" className="button button-primary" onClick={onClose}>
            Done
          </button>
        </div>
      </div>
    );
  const { report } = outcome;
  return (
    <div className="wizard-body" data-testid="import-summary">
      {outcome.committed ? (
        <p className={outcome.imported > 0 ? "outcome outcome-ok" : "outcome"}>
          {outcome.imported > 0 && "✓ "}
          {outcome.headline}.
        </p>
      ) : (
        <p className="outcome outcome-bad">{outcome.headline}.</p>
      )}
      {report.counts.length > 0 && (
        <div className="report" data-testid="import-report">
          {report.counts.map((c) => (
            <div key={c.kind} className={c.error ? "report-kind report-error" : "report-kind"}>
              <div className="report-title">
                {count(c.count)} × {c.label}
              </div>
              <table className="report-table">
                <tbody>
                  {report.examples
                    .filter((p) => p.kind === c.kind)
                    .map((p) => (
                      <tr key={`${p.row}-${p.column}`}>
                        <td>row {p.row}</td>
                        <td>{p.column}</td>
                        <td className="mono-cell">{p.value || "(empty)"}</td>
                        <td>{p.message}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
          ))}
        </div>
      )}
      <div className="modal-actions">
        <button type="button" className="button" onClick={onAnother}>
          Import another file
        </button>
        {!outcome.committed && (
          <button
            type="button"
            className="button"
            onClick={onSkipBad}
            data-testid="import-skip-bad"
          >
            Import the good rows
          </button>
        )}
        <button
          type="button"
          className="button button-primary"
          onClick={onClose}
          data-testid="import-done"
        >
          Done
        </button>
      </div>
    </div>
  );
}
