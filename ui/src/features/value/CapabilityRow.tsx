// One capability of the value model: name, phase, adoption criteria and plays, folded.
import { useState } from "react";
import { CriterionEditor } from "../editor/CriterionEditor";
import type { ValueModelProps } from "./model";
import { removeCapability, updateCapability } from "./model";

export function CapabilityRow({
  journey: j,
  id,
  edit,
}: ValueModelProps & {
  id: string;
}) {
  const c = (j.capabilities ?? []).find((x) => x.id === id);
  const [open, setOpen] = useState(false);
  if (!c) return null;
  const up = (patch: Parameters<typeof updateCapability>[2], field: string) =>
    edit((x) => updateCapability(x, id, patch), `capability:${id}:${field}`);
  return (
    <li className="value-cap" data-testid="value-capability">
      <div className="value-cap-head">
        <button
          type="button"
          className="link-button"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          {open ? "▾" : "▸"} {c.name}
        </button>
        <button
          type="button"
          className="chip-remove"
          aria-label={`Remove ${c.name}`}
          onClick={() => edit((x) => removeCapability(x, id), "capability:remove")}
        >
          ✕
        </button>
      </div>
      {open && (
        <div className="value-cap-body">
          <label className="field">
            <span className="field-label">Name</span>
            <input
              value={c.name}
              onChange={(e) => up({ name: e.target.value }, "name")}
              data-testid="capability-name"
            />
          </label>
          <label className="field">
            <span className="field-label">Phase</span>
            <select value={c.phase} onChange={(e) => up({ phase: e.target.value }, "phase")}>
              {(j.phases ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <span className="field-label">Adopted when — all must hold</span>
          {c.criteria.map((cr, i) => (
            <CriterionEditor
              // biome-ignore lint/suspicious/noArrayIndexKey: criteria have no id; position is identity
              key={i}
              index={i}
              criterion={cr}
              onChange={(next) =>
                up({ criteria: c.criteria.map((x, k) => (k === i ? next : x)) }, `criteria.${i}`)
              }
              onRemove={() =>
                c.criteria.length > 1 &&
                up({ criteria: c.criteria.filter((_, k) => k !== i) }, "criteria.remove")
              }
            />
          ))}
          {j.activities.length > 0 && (
            <fieldset className="value-plays">
              <legend className="field-label">Plays that help adopt it</legend>
              {j.activities.map((a) => (
                <label key={a.id} className="checkbox">
                  <input
                    type="checkbox"
                    checked={(c.activities ?? []).includes(a.id)}
                    onChange={(e) => {
                      const rest = (c.activities ?? []).filter((x) => x !== a.id);
                      up({ activities: e.target.checked ? [...rest, a.id] : rest }, "activities");
                    }}
                  />
                  {a.name}
                </label>
              ))}
            </fieldset>
          )}
        </div>
      )}
    </li>
  );
}
