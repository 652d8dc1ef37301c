// The invitation above the journeys while the workspace has no customers: load the demo data.
import type { DemoProgress } from "../../bindings/DemoProgress";
import { StepProgress } from "../../components/StepProgress";

interface Props {
  busy: string | null;
  /** What loading the demo is doing, while it runs. */
  demo: DemoProgress | null;
  onLoadDemo: () => void;
}

export function DemoPrompt({ busy, demo, onLoadDemo }: Props) {
  return (
    <div className="demo-prompt" data-testid="demo-prompt">
      <div>
        <p className="demo-prompt-title">See a live funnel in a minute</p>
        <p className="muted">
          Load the demo workspace — 2,000 customers of a software company with two years of usage —
          then open any template to see who reached each milestone, who is red, and this week's
          tasks.
        </p>
        {demo && <StepProgress progress={demo} />}
      </div>
      <button
        type="button"
        className="button button-primary"
        onClick={onLoadDemo}
        disabled={busy !== null}
        data-testid="home-load-demo"
      >
        {busy === "demo" ? "Loading demo data…" : "Load demo data"}
      </button>
    </div>
  );
}
