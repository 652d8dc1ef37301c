// The active customers whose furthest milestone is the chosen one, with health and play.
import type { CustomerState } from "../../bindings/CustomerState";
import { HEALTH_WORDS } from "../../components/health";
import { count } from "../../components/text";

/** Customers drawn; the count says how many more there are. */
const DRAWN = 200;

interface Props {
  /** The chosen milestone as "M2 Onboarded", or "—". */
  milestone: string;
  customers: CustomerState[];
}

export function StepCustomers({ milestone, customers: atStep }: Props) {
  return (
    <div className="panel-card" data-testid="customers-at-step">
      <h2>
        Customers at {milestone}{" "}
        <span className="muted">
          {count(atStep.length)} active customers have it as their furthest milestone
        </span>
      </h2>
      <div className="step-customers">
        {atStep.slice(0, DRAWN).map((c) => (
          <div key={c.id} className="step-customer" data-testid="step-customer">
            <span
              className={`health-dot health-dot-${c.health?.colour ?? "none"}`}
              title={
                c.health
                  ? `${HEALTH_WORDS[c.health.colour]}: ${c.health.reasons.join("; ")}`
                  : "No health rules in this stage"
              }
            />
            <span className="step-name">
              {c.name ?? c.id}
              {c.name && <span className="muted mono-cell"> {c.id}</span>}
            </span>
            <span className="muted">
              {c.days_in_stage_text} days in {c.stage_name ?? "the stage"}
            </span>
            <span className="step-action">{c.health?.action_name ?? ""}</span>
          </div>
        ))}
        {atStep.length > DRAWN && (
          <p className="muted">… and {count(atStep.length - DRAWN)} more</p>
        )}
      </div>
    </div>
  );
}
