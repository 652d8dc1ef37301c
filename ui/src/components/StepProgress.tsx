// Long work said as it goes: what is being done, in the core's words, and a bar for the
// share done. Announced politely to screen readers.
import type { DemoProgress } from "../bindings/DemoProgress";
import { ProgressBar } from "./ProgressBar";

export function StepProgress({ progress }: { progress: DemoProgress }) {
  return (
    <div className="step-progress" data-testid="step-progress">
      <ProgressBar fraction={progress.done} label={progress.step} />
      <p className="progress-text muted" aria-live="polite" data-testid="step-progress-text">
        {progress.step}…
      </p>
    </div>
  );
}
