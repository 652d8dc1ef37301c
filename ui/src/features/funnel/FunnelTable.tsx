// The funnel's numbers, one row per milestone (a row picks it), with the 30/90-day forecast.
import type { Analysis } from "../../bindings/Analysis";
import { FUNNEL_COLUMNS } from "../../bindings/vocabulary";
import { count } from "../../components/text";

/** The funnel's columns shown here, named as the CLI and the PDF name them. */
const SHOWN = FUNNEL_COLUMNS.filter((c) => c.key !== "median_days_from_previous");

interface Props {
  analysis: Analysis;
  step: string | null;
  onSelect: (milestone: string) => void;
}

export function FunnelTable({ analysis, step, onSelect }: Props) {
  const f = analysis.funnel;
  return (
    <table className="funnel-table" data-testid="funnel-table">
      <thead>
        <tr>
          <th>Milestone</th>
          {SHOWN.map((c) => (
            <th key={c.key} className="numeric" title={c.help}>
              {c.name}
            </th>
          ))}
          <th className="numeric" title="Expected to reach it in the next 30 days">
            Next 30 days
          </th>
          <th className="numeric" title="Expected to reach it in the next 90 days">
            Next 90 days
          </th>
        </tr>
      </thead>
      <tbody>
        {f.milestones.map((m, i) => (
          <tr
            key={m.id}
            className={[
              m.id === f.bottleneck ? "bottleneck-row" : "",
              m.id === step ? "chosen" : "",
            ].join(" ")}
            onClick={() => onSelect(m.id)}
            data-testid="funnel-row"
          >
            <td>
              <span className="pill">M{i + 1}</span> {m.name}
              {m.id === f.bottleneck && <span className="badge badge-bottleneck">Bottleneck</span>}
            </td>
            {SHOWN.map((c) => (
              <td
                key={c.key}
                className={c.key === "reached" ? "numeric strong" : "numeric"}
                data-column={c.key}
              >
                {m.text[c.key]}
              </td>
            ))}
            <td className="numeric">{analysis.forecast_30.milestones[i]?.expected_text}</td>
            <td className="numeric">{analysis.forecast_90.milestones[i]?.expected_text}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={SHOWN.length + 3} className="muted">
            Reached no milestone: {count(f.not_started)} ({count(f.not_started_churned)} churned).
            Next 30/90 d: customers expected to reach it, from those in flight.
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
