// First steps on the canvas, for someone who just opened Milepost: three things to try,
// shown until dismissed (once for the whole app).
import { useState } from "react";

const KEY = "milepost.hints.dismissed";

export function Hints({ hasData }: { hasData: boolean }) {
  const [dismissed, setDismissed] = useState(() => localStorage.getItem(KEY) === "1");
  if (dismissed) return null;
  const dismiss = () => {
    localStorage.setItem(KEY, "1");
    setDismissed(true);
  };
  return (
    <aside className="hints" aria-label="Things to try first" data-testid="hints">
      <h3>Three things to try</h3>
      <ol>
        <li>
          Click a milestone and change its criterion:{" "}
          {hasData
            ? "the customer counts follow at once."
            : "with customer data, the counts follow."}
        </li>
        <li>
          Open the <strong>Funnel</strong>: who reached each milestone, and who churned where.
        </li>
        <li>
          Press <kbd>F5</kbd> to present the journey a stage at a time.
        </li>
      </ol>
      <button
        type="button"
        className="button button-quiet"
        onClick={dismiss}
        data-testid="hints-dismiss"
      >
        Got it
      </button>
    </aside>
  );
}
