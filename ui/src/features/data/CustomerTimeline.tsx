// A customer's usage events in the customer panel, grouped by day, newest first.
import type { CustomerDetail } from "../../bindings/CustomerDetail";
import { count } from "../../components/text";

interface Props {
  detail: CustomerDetail;
}

export function CustomerTimeline({ detail }: Props) {
  // The timeline groups events by day, newest first.
  const days: { day: string; events: CustomerDetail["events"] }[] = [];
  for (const e of detail.events) {
    const day = e.at.slice(0, 10);
    const last = days.at(-1);
    if (last?.day === day) last.events.push(e);
    else days.push({ day, events: [e] });
  }
  return (
    <>
      <h3 className="panel-section">
        Timeline{" "}
        <span className="muted">
          {detail.total_events > detail.events.length
            ? `latest ${count(detail.events.length)} of ${count(detail.total_events)} events`
            : `${count(detail.total_events)} events`}
        </span>
      </h3>
      {days.length === 0 ? (
        <p className="muted">No events for this customer.</p>
      ) : (
        <ol className="timeline" data-testid="timeline">
          {days.map((d) => (
            <li key={d.day}>
              <div className="timeline-day">{d.day}</div>
              <ul>
                {d.events.map((e, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: events of one day, in order
                  <li key={i} className="timeline-event">
                    <span className="timeline-time">{e.at.slice(11, 16)}</span>
                    <span className="mono-cell">{e.event}</span>
                    {e.value !== 1 && <span className="timeline-value">{e.value}</span>}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
