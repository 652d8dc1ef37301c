// The import wizard's third step: rows read, the speed and the time left, and Cancel.

import type { Progress } from "../../bindings/Progress";
import { ProgressBar } from "../../components/ProgressBar";
import { count } from "../../components/text";
import { clock, rate } from "./format";

export function RunStep({
  progress,
  cancelling,
  onCancel,
}: {
  progress: Progress | null;
  cancelling: boolean;
  onCancel: () => void;
}) {
  const r = progress
    ? rate(progress.rows, progress.done, progress.total, progress.seconds)
    : { perSecond: 0, eta: null, fraction: 0 };
  return (
    <div className="wizard-body" data-testid="import-progress">
      <ProgressBar fraction={r.fraction} />
      <p className="progress-text">
        {progress?.step === "checking" ? (
          <>
            {count(progress.rows)} rows read · checking their events for repeats
            {r.eta !== null && <> · about {clock(r.eta)} left</>}
          </>
        ) : progress ? (
          <>
            {count(progress.rows)} rows read · {count(r.perSecond)} rows/s
            {r.eta !== null && <> · about {clock(r.eta)} left</>}
          </>
        ) : (
          "Starting…"
        )}
      </p>
      <p className="field-hint">
        Nothing is stored until the whole file has been checked; Cancel leaves your data as it was.
      </p>
      <div className="modal-actions">
        <button
          type="button"
          className="button"
          onClick={onCancel}
          disabled={cancelling}
          data-testid="import-cancel"
        >
          {cancelling ? "Cancelling…" : "Cancel"}
        </button>
      </div>
    </div>
  );
}
