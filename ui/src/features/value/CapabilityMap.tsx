// The capability map: the journey's maturity phases as columns and their capabilities as
// cells, tinted by the share of active customers (all, or one segment's) that use each.
// The shares and their words are the core's.
import { useState } from "react";
import type { Journey } from "../../bindings/Journey";
import type { ValueReport } from "../../bindings/ValueReport";
import { count } from "../../components/text";

export function CapabilityMap({ report, journey }: { report: ValueReport; journey: Journey }) {
  const [segment, setSegment] = useState("");
  const map =
    report.capability_maps.find((m) => m.segment === segment) ?? report.capability_maps[0];
  const phases = journey.phases ?? [];
  const capabilities = journey.capabilities ?? [];
  return (
    <section className="panel-card" data-testid="capability-map">
      <div className="value-review-head">
        <h2>
          Capability map{" "}
          <span className="muted">
            the share of {segment ? `${segment} customers` : "active customers"} that use each
            capability
          </span>
        </h2>
        <label className="field-inline">
          Among{" "}
          <select
            value={segment}
            onChange={(e) => setSegment(e.target.value)}
            data-testid="capability-peers"
          >
            {report.capability_maps.map((m) => (
              <option key={m.segment} value={m.segment}>
                {m.name} ({count(m.customers)})
              </option>
            ))}
          </select>
        </label>
      </div>
      {phases.length === 0 && (
        <p className="muted">
          This journey has no maturity phases yet: add them and their capabilities in the journey
          panel (Value).
        </p>
      )}
      <div className="capability-map">
        {phases.map((p) => (
          <div key={p.id} className="capability-phase">
            <h3>
              {p.name}
              {p.value_driver && <span className="muted"> {p.value_driver}</span>}
            </h3>
            <div className="muted">{map?.phases.find((x) => x.id === p.id)?.text}</div>
            {capabilities
              .filter((c) => c.phase === p.id)
              .map((c) => {
                const cell = map?.capabilities.find((x) => x.id === c.id);
                const share = cell?.value ?? 0;
                return (
                  <div
                    key={c.id}
                    className="capability-cell"
                    style={{
                      background: `rgba(15, 118, 110, ${0.08 + share * 0.7})`,
                      color: share > 0.5 ? "#fff" : undefined,
                    }}
                    data-testid="capability-cell"
                    data-share={share}
                  >
                    <span>{c.name}</span>
                    <strong>{cell?.text}</strong>
                  </div>
                );
              })}
          </div>
        ))}
      </div>
    </section>
  );
}
