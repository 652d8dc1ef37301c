// The value model's thresholds: smallest peer group, leakage reference, phase share.
import type { Reference } from "../../bindings/Reference";
import type { ValueModelProps } from "./model";
import { DEFAULT_ADOPTION_SHARE, peersOf, setPeers } from "./model";

const REFERENCES: { value: Reference; label: string }[] = [
  { value: "p50", label: "the median (p50)" },
  { value: "p75", label: "good peers (p75)" },
  { value: "p90", label: "best in class (p90)" },
];

export function ValueThresholds({ journey: j, edit }: ValueModelProps) {
  const peers = peersOf(j);
  const share = j.adoption_share ?? DEFAULT_ADOPTION_SHARE;
  return (
    <>
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
    </>
  );
}
