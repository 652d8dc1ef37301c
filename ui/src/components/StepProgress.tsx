// Long work said as it goes: what is being done, in the core's words, and a bar for the
// share done. Announced politely to screen readers.
import type { DemoProgress } from "../bindings/DemoProgress";

export function StepProgress({ progress }: { progress: DemoProgress }) {
  const percent = Math.round(progress.done * 100);
  return (
    <div className="step-progress" data-testid="step-progress">
      <div
        className="progress"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-label={progress.step}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="progress-text muted" aria-live="polite" data-testid="step-progress-text">
        {progress.step}…
      </p>
    </div>
  );
}
