// One customer beside the table: facts, place in the journey, stakeholders, timeline.
import type { CustomerDetail } from "../../bindings/CustomerDetail";
import type { JourneySummary } from "../../bindings/JourneySummary";
import type { AppError } from "../../ipc";
import { CustomerJourney } from "./CustomerJourney";
import { CustomerTimeline } from "./CustomerTimeline";
import { StakeholderList } from "./StakeholderList";
import { useCustomerState } from "./useCustomerState";

export function CustomerPanel({
  detail,
  journey,
  onClose,
  onError,
}: {
  detail: CustomerDetail;
  journey: JourneySummary | null;
  onClose: () => void;
  /** Where the customer's place in the journey could not be worked out is said. */
  onError: (e: AppError) => void;
}) {
  const c = detail.customer;
  const state = useCustomerState(journey, c.id, onError);
  const facts: [string, string | null][] = [
    ["Segment", c.segment],
    ["Plan", c.plan],
    ["Owner", c.owner],
    ["ARR", c.arr_text],
    ["Started", c.start_date],
    ["Churned", c.churn_date],
    ...Object.entries(detail.attributes),
  ];
  return (
    <aside className="customer-panel" data-testid="customer-panel">
      <div className="panel-head">
        <div>
          <div className="panel-kicker">{c.id}</div>
          <h2>{c.name ?? c.id}</h2>
        </div>
        <button type="button" className="button button-quiet" onClick={onClose} aria-label="Close">
          ✕
        </button>
      </div>
      <dl className="facts">
        {facts
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
      </dl>
      {journey && state && <CustomerJourney journey={journey} state={state} />}
      <StakeholderList stakeholders={detail.stakeholders} />
      <CustomerTimeline detail={detail} />
    </aside>
  );
}
