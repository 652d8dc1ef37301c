// The journey's value model in the journey panel: who a customer is compared with (peer
// keys, most important first, the smallest group k, the reference percentile), the
// maturity phases and the capabilities in each, with their adoption criteria and plays.
// Value metrics are marked on each metric, in its inspector.
import { useState } from "react";
import type { Journey } from "../../bindings/Journey";
import type { Reference } from "../../bindings/Reference";
import { InlineAdd } from "../../components/InlineAdd";
import { CriterionEditor } from "../editor/CriterionEditor";
import {
  addCapability,
  addPhase,
  DEFAULT_ADOPTION_SHARE,
  movePhase,
  PEER_KEYS,
  peersOf,
  raisePeerKey,
  removeCapability,
  removePhase,
  setPeers,
  togglePeerKey,
  updateCapability,
  updatePhase,
} from "./model";

interface Props {
  journey: Journey;
  edit: (change: (j: Journey) => Journey, label: string) => void;
}

const REFERENCES: { value: Reference; label: string }[] = [
  { value: "p50", label: "the median (p50)" },
  { value: "p75", label: "good peers (p75)" },
  { value: "p90", label: "best in class (p90)" },
];

function CapabilityRow({
  journey: j,
  id,
  edit,
}: Props & {
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

export function ValuePanel({ journey: j, edit }: Props) {
  const peers = peersOf(j);
  const phases = j.phases ?? [];
  const caps = j.capabilities ?? [];
  const share = j.adoption_share ?? DEFAULT_ADOPTION_SHARE;
  return (
    <section className="agenda value-panel" data-testid="value-panel">
      <h3>Value against peers</h3>
      <p className="field-hint">
        Mark value metrics on each metric. Customers are compared with peers sharing these fields; a
        group too small drops the last field.
      </p>
      <ol className="value-keys" data-testid="peer-keys">
        {peers.keys.map((key, i) => (
          <li key={key}>
            <span className="value-key-rank">{i + 1}.</span>
            {PEER_KEYS.find((k) => k.key === key)?.label ?? key}
            {i > 0 && (
              <button
                type="button"
                className="chip-remove"
                aria-label={`Make ${key} more important`}
                title="More important"
                onClick={() => edit((x) => raisePeerKey(x, key), "peers:order")}
              >
                ↑
              </button>
            )}
            <button
              type="button"
              className="chip-remove"
              aria-label={`Stop grouping by ${key}`}
              onClick={() => edit((x) => togglePeerKey(x, key, false), "peers:keys")}
            >
              ✕
            </button>
          </li>
        ))}
        {peers.keys.length === 0 && <li className="muted">Every customer is a peer</li>}
      </ol>
      {PEER_KEYS.some((k) => !peers.keys.includes(k.key)) && (
        <label className="field-inline">
          Also group by{" "}
          <select
            value=""
            data-testid="peer-key-add"
            onChange={(e) =>
              e.target.value &&
              edit(
                (x) => togglePeerKey(x, e.target.value as (typeof peers.keys)[number], true),
                "peers:keys",
              )
            }
          >
            <option value="">…</option>
            {PEER_KEYS.filter((k) => !peers.keys.includes(k.key)).map((k) => (
              <option key={k.key} value={k.key}>
                {k.label}
              </option>
            ))}
          </select>
        </label>
      )}
      <div>
        <label className="field">
          <span className="field-label" title="No group smaller than this is ever shown">
            Smallest group (k ≥ 3)
          </span>
          <input
            type="number"
            min={3}
            step={1}
            value={peers.k}
            data-testid="peer-k"
            onChange={(e) => {
              const k = Number.parseInt(e.target.value, 10);
              if (Number.isFinite(k)) edit((x) => setPeers(x, { k: Math.max(3, k) }), "peers:k");
            }}
          />
        </label>
        <label className="field">
          <span className="field-label">Leakage against</span>
          <select
            value={peers.reference}
            onChange={(e) =>
              edit((x) => setPeers(x, { reference: e.target.value as Reference }), "peers:ref")
            }
          >
            {REFERENCES.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="field">
        <span className="field-label">A phase is reached with this share of its capabilities</span>
        <select
          value={String(share)}
          onChange={(e) =>
            edit((x) => ({ ...x, adoption_share: Number(e.target.value) }), "adoption_share")
          }
        >
          {[0.5, 0.6, 0.67, 0.75, 0.8, 0.9, 1].map((s) => (
            <option key={s} value={String(s)}>
              {Math.round(s * 100)} %
            </option>
          ))}
        </select>
      </label>

      <h3>Maturity phases</h3>
      {phases.length === 0 && (
        <p className="field-hint">
          No phases yet: add the first (e.g. Foundation), then its capabilities.
        </p>
      )}
      <ol className="value-phases" data-testid="value-phases">
        {phases.map((p, i) => (
          <li key={p.id} className="value-phase-item">
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
