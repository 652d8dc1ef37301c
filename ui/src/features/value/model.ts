// Edits of the journey's value model — peers, maturity phases, capabilities — as pure
// functions of the journey, so each is one undo step and is tested without the app.
import type { Capability } from "../../bindings/Capability";
import type { Journey } from "../../bindings/Journey";
import type { PeerKey } from "../../bindings/PeerKey";
import type { PeerSettings } from "../../bindings/PeerSettings";
import type { Phase } from "../../bindings/Phase";
import { slug } from "../../components/text";

/** What the core uses when a journey says nothing (value::settings, PeerSettings::default). */
export const DEFAULT_PEERS: PeerSettings = { keys: ["segment", "plan"], k: 5, reference: "p75" };
export const DEFAULT_ADOPTION_SHARE = 0.75;

export const PEER_KEYS: { key: PeerKey; label: string }[] = [
  { key: "segment", label: "Segment" },
  { key: "plan", label: "Plan" },
  { key: "tenure", label: "Tenure (0–6 / 6–12 / 12+ months)" },
  { key: "arr_band", label: "ARR band" },
];

function uniqueId(name: string, used: string[], fallback: string): string {
  const base = slug(name) || fallback;
  if (!used.includes(base)) return base;
  for (let n = 2; ; n++) if (!used.includes(`${base}-${n}`)) return `${base}-${n}`;
}

export function peersOf(j: Journey): PeerSettings {
  return j.peers ?? DEFAULT_PEERS;
}

export function setPeers(j: Journey, patch: Partial<PeerSettings>): Journey {
  const next = { ...peersOf(j), ...patch };
  return { ...j, peers: { ...next, k: Math.max(3, Math.round(next.k)) } };
}

/** Turns a peer key on (it goes last: the least important) or off. */
export function togglePeerKey(j: Journey, key: PeerKey, on: boolean): Journey {
  const keys = peersOf(j).keys.filter((k) => k !== key);
  return setPeers(j, { keys: on ? [...keys, key] : keys });
}

/** Moves a chosen key one place towards the most important. */
export function raisePeerKey(j: Journey, key: PeerKey): Journey {
  const keys = [...peersOf(j).keys];
  const i = keys.indexOf(key);
  if (i <= 0) return j;
  [keys[i - 1], keys[i]] = [keys[i] as PeerKey, keys[i - 1] as PeerKey];
  return setPeers(j, { keys });
}

export function addPhase(j: Journey, name: string): [Journey, string] {
  const phases = j.phases ?? [];
  const id = uniqueId(
    name,
    phases.map((p) => p.id),
    "phase",
  );
  return [{ ...j, phases: [...phases, { id, name }] }, id];
}

export function updatePhase(j: Journey, id: string, patch: Partial<Phase>): Journey {
  return { ...j, phases: (j.phases ?? []).map((p) => (p.id === id ? { ...p, ...patch } : p)) };
}

/** Removes a phase and the capabilities in it (they cannot live without a phase). */
export function removePhase(j: Journey, id: string): Journey {
  return {
    ...j,
    phases: (j.phases ?? []).filter((p) => p.id !== id),
    capabilities: (j.capabilities ?? []).filter((c) => c.phase !== id),
  };
}

export function movePhase(j: Journey, id: string, by: -1 | 1): Journey {
  const phases = [...(j.phases ?? [])];
  const i = phases.findIndex((p) => p.id === id);
  const k = i + by;
  if (i < 0 || k < 0 || k >= phases.length) return j;
  [phases[i], phases[k]] = [phases[k] as Phase, phases[i] as Phase];
  return { ...j, phases };
}

/** A new capability in `phase`, adopted at the first `<name>_enabled` event. */
export function addCapability(j: Journey, phase: string, name: string): [Journey, string] {
  const caps = j.capabilities ?? [];
  const id = uniqueId(
    name,
    caps.map((c) => c.id),
    "capability",
  );
  const cap: Capability = {
    id,
    name,
    phase,
    criteria: [
      {
        event: `${(slug(name) || "capability").replace(/-/g, "_")}_enabled`,
        aggregate: "count",
        op: ">=",
        value: 1,
        window_days: null,
      },
    ],
  };
  return [{ ...j, capabilities: [...caps, cap] }, id];
}

export function updateCapability(j: Journey, id: string, patch: Partial<Capability>): Journey {
  return {
    ...j,
    capabilities: (j.capabilities ?? []).map((c) => (c.id === id ? { ...c, ...patch } : c)),
  };
}

export function removeCapability(j: Journey, id: string): Journey {
  return { ...j, capabilities: (j.capabilities ?? []).filter((c) => c.id !== id) };
}

/** What each part of the value model in the journey's panel is given: the journey and
 * the editor's edit. */
export interface ValueModelProps {
  journey: Journey;
  edit: (change: (j: Journey) => Journey, label: string) => void;
}
