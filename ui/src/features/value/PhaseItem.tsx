// One maturity phase of the value model: name, order, value driver and its capabilities.
import type { Phase } from "../../bindings/Phase";
import { InlineAdd } from "../../components/InlineAdd";
import { CapabilityRow } from "./CapabilityRow";
import type { ValueModelProps } from "./model";
import { addCapability, movePhase, removePhase, updatePhase } from "./model";

export function PhaseItem({
  journey: j,
  edit,
  phase: p,
  index: i,
}: ValueModelProps & { phase: Phase; index: number }) {
  const caps = j.capabilities ?? [];
  return (
    <li className="value-phase-item">
      <div className="value-cap-head">
        <input
          className="value-phase-name"
          aria-label="Phase name"
          value={p.name}
          onChange={(e) =>
            edit((x) => updatePhase(x, p.id, { name: e.target.value }), `phase:${p.id}:name`)
          }
        />
        <button
          type="button"
          className="chip-remove"
          aria-label={`Move ${p.name} earlier`}
          disabled={i === 0}
          onClick={() => edit((x) => movePhase(x, p.id, -1), "phase:move")}
        >
          ↑
        </button>
        <button
          type="button"
          className="chip-remove"
          aria-label={`Remove ${p.name} and its capabilities`}
          onClick={() => edit((x) => removePhase(x, p.id), "phase:remove")}
        >
          ✕
        </button>
      </div>
      <input
        className="value-driver"
        aria-label="The value this phase pursues"
        placeholder="The value it pursues, e.g. cost: team productivity"
        value={p.value_driver ?? ""}
        onChange={(e) =>
          edit(
            (x) =>
              updatePhase(x, p.id, {
                value_driver: e.target.value.trim() ? e.target.value : undefined,
              }),
            `phase:${p.id}:driver`,
          )
        }
      />
      <ul className="value-caps">
        {caps
          .filter((c) => c.phase === p.id)
          .map((c) => (
            <CapabilityRow key={c.id} journey={j} id={c.id} edit={edit} />
          ))}
      </ul>
      <InlineAdd
        placeholder="Add a capability"
        label="Add"
        testId={`capability-add-${p.id}`}
        onAdd={(name) => edit((x) => addCapability(x, p.id, name)[0], "capability:add")}
      />
    </li>
  );
}
