// The fields a customer's peers share, most important first: raise one, drop one, add one.

import type { ValueModelProps } from "./model";
import { PEER_KEYS, peersOf, raisePeerKey, togglePeerKey } from "./model";

export function PeerKeys({ journey: j, edit }: ValueModelProps) {
  const peers = peersOf(j);
  return (
    <>
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
    </>
  );
}
