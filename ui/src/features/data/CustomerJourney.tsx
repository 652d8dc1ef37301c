// A customer in a journey: stage, days in it, furthest milestone, health and the next play.
import type { CustomerState } from "../../bindings/CustomerState";
import type { JourneySummary } from "../../bindings/JourneySummary";
import { HEALTH_WORDS } from "../../components/health";

interface Props {
  journey: JourneySummary;
  state: CustomerState;
}

export function CustomerJourney({ journey, state }: Props) {
  return (
    <section className="customer-journey" data-testid="customer-journey">
      <h3 className="panel-section">In {journey.name}</h3>
      <p>
        {state.churned ? (
          <strong>Churned</strong>
        ) : (
          <>
            <strong>{state.stage_name ?? "—"}</strong>
            {state.days_in_stage != null && (
              <span className="muted"> · {state.days_in_stage_text} days in the stage</span>
            )}
          </>
        )}
        <br />
        <span className="muted">Furthest milestone: </span>
        {state.furthest_name ?? "none yet"}
      </p>
      {state.health && (
        <div
          className={`health-box health-box-${state.health.colour}`}
          data-testid="customer-health"
        >
          <span className={`health-dot health-dot-${state.health.colour}`} />
          <div>
            <strong>{HEALTH_WORDS[state.health.colour]}</strong>: {state.health.reasons.join("; ")}
            {state.health.action_name && (
              <div>
                Next: <strong>{state.health.action_name}</strong>
              </div>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
