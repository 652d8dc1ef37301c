// A customer's stakeholders in the customer panel: title, decision maker, their scores.
import type { CustomerDetail } from "../../bindings/CustomerDetail";
import { count } from "../../components/text";

const SCORES = [
  ["purpose", "Purpose"],
  ["intent", "Intent"],
  ["desire", "Desire"],
  ["skills", "Skills"],
  ["revenue_impact", "Revenue impact"],
  ["modularity", "Modularity"],
  ["effort", "Effort"],
  ["complexity", "Complexity"],
] as const;

interface Props {
  stakeholders: CustomerDetail["stakeholders"];
}

export function StakeholderList({ stakeholders }: Props) {
  return (
    <>
      <h3 className="panel-section">
        Stakeholders <span className="muted">{count(stakeholders.length)}</span>
      </h3>
      {stakeholders.length === 0 ? (
        <p className="muted">No stakeholders imported for this customer.</p>
      ) : (
        <div className="stakeholders" data-testid="stakeholders">
          {stakeholders.map((p) => (
            <div key={p.name} className="stakeholder">
              <div>
                <strong>{p.name}</strong>
                {p.title && <span className="muted"> · {p.title}</span>}
                {p.decision_maker && (
                  <span className="badge badge-first-value">Decision maker</span>
                )}
              </div>
              <dl className="scores">
                {SCORES.filter(([k]) => p[k] != null).map(([k, label]) => (
                  <div key={k} className="score">
                    <dt>{label}</dt>
                    <dd>{p[k]}</dd>
                  </div>
                ))}
              </dl>
            </div>
          ))}
        </div>
      )}
    </>
  );
}
