// The success funnel as centred bars, one per milestone, each as wide as the share of the
// funnel's customers that reached it — so 40 customers are drawn a fortieth as wide as
// 1,600, and an empty step is a sliver, not a full band. A bar too narrow for its words
// gets them beside it. White text on the solid bars keeps a contrast above 4.5 : 1.
// Clicking a bar (or Enter on it) picks the milestone.
import type { Funnel } from "../../bindings/Funnel";
import { barLayout } from "./funnelBars";

interface Props {
  funnel: Funnel;
  selected: string | null;
  onSelect: (milestone: string) => void;
}

export function FunnelChart({ funnel, selected, onSelect }: Props) {
  return (
    <div className="funnel-chart" data-testid="funnel-chart">
      {barLayout(funnel).map((bar, i) => {
        const m = bar.step;
        const label = `M${i + 1} · ${m.text.reached}`;
        const classes = [
          "funnel-bar",
          m.id === funnel.bottleneck ? "funnel-bar-bottleneck" : "",
          m.id === selected ? "funnel-bar-chosen" : "",
        ].join(" ");
        return (
          <button
            type="button"
            key={m.id}
            className="funnel-bar-row"
            onClick={() => onSelect(m.id)}
            title={`${m.name}: ${m.text.reached} reached (${m.text.conversion_from_start} of all, ${m.text.conversion_from_previous} of the previous milestone)`}
            data-testid="funnel-bar"
            data-width={bar.width.toFixed(4)}
          >
            <span className={classes} style={{ width: `${bar.width * 100}%` }}>
              {bar.inside && <span className="funnel-bar-label">{label}</span>}
            </span>
            {!bar.inside && (
              <span
                className="funnel-bar-label funnel-bar-outside"
                style={{ left: `${50 + bar.width * 50}%` }}
              >
                {label}
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
}
