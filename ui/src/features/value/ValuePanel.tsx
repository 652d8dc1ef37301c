// The journey's value model in the journey panel: who a customer is compared with (peer
// keys, most important first, the smallest group k, the reference percentile), the
// maturity phases and the capabilities in each, with their adoption criteria and plays.
// Value metrics are marked on each metric, in its inspector.

import { InlineAdd } from "../../components/InlineAdd";
import type { ValueModelProps } from "./model";
import { addPhase } from "./model";
import { PeerKeys } from "./PeerKeys";
import { PhaseItem } from "./PhaseItem";
import { ValueThresholds } from "./ValueThresholds";

/** What every part of the value model's panel is given: the journey and the way to edit it. */

export function ValuePanel({ journey: j, edit }: ValueModelProps) {
  const phases = j.phases ?? [];
  return (
    <section className="agenda value-panel" data-testid="value-panel">
      <h3>Value against peers</h3>
      <p className="field-hint">
        Which metrics carry value is set in each metric's inspector. Customers are compared with
        active peers who share the fields below; where a group is too small, the last field is
        dropped.
      </p>
      <PeerKeys journey={j} edit={edit} />
      <ValueThresholds journey={j} edit={edit} />

      <h3>Maturity phases</h3>
      {phases.length === 0 && (
        <p className="field-hint">
          No phases yet: add the first (e.g. Foundation), then its capabilities.
        </p>
      )}
      <ol className="value-phases" data-testid="value-phases">
        {phases.map((p, i) => (
          <PhaseItem key={p.id} journey={j} edit={edit} phase={p} index={i} />
        ))}
      </ol>
      <InlineAdd
        placeholder="Add a maturity phase"
        label="Add"
        testId="phase-add"
        onAdd={(name) => edit((x) => addPhase(x, name)[0], "phase:add")}
      />
    </section>
  );
}
