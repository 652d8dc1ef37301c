// Presenting: the board full screen, one stage in focus, and under it the way through
// the stages (never over the board).
import type { ReactNode } from "react";
import type { Journey } from "../../bindings/Journey";

interface Props {
  journey: Journey;
  /** The stage in focus, by column. */
  at: number;
  present: (stage: number | null) => void;
  children: ReactNode;
}

export function PresenterView({ journey: j, at, present, children }: Props) {
  const stage = j.stages[at];
  return (
    <div className="journey-screen presenting" data-testid="presenter">
      <div className="canvas-area">{children}</div>
      <div className="presenter-bar">
        <button
          type="button"
          className="button button-quiet"
          onClick={() => present(Math.max(at - 1, 0))}
          disabled={at === 0}
          aria-label="Previous stage"
        >
          ‹
        </button>
        <span data-testid="presenter-stage">
          Stage {at + 1} of {j.stages.length} · <strong>{stage?.name}</strong>
        </span>
        <button
          type="button"
          className="button button-quiet"
          onClick={() => present(Math.min(at + 1, j.stages.length - 1))}
          disabled={at >= j.stages.length - 1}
          aria-label="Next stage"
        >
          ›
        </button>
        <span className="presenter-hint">← → stages · ↑ ↓ scroll · Esc back to editing</span>
      </div>
    </div>
  );
}
