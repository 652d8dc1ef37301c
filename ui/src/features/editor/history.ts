// Undo/redo over whole journeys. Journeys are immutable values, so a step is just the
// previous value; typing into one field coalesces into one step.
import type { Journey } from "../../bindings/Journey";

export const HISTORY_LIMIT = 200;
/** Edits with the same label closer together than this merge into one undo step. */
export const COALESCE_MS = 1000;

export interface History {
  past: Journey[];
  present: Journey;
  future: Journey[];
  /** Label and time of the last edit, for coalescing typing. */
  last: { label: string; at: number } | null;
}

export function start(journey: Journey): History {
  return { past: [], present: journey, future: [], last: null };
}

/**
 * Records an edit. `label` names what was edited (e.g. `milestone:m1:name`); successive
 * edits with the same label within COALESCE_MS become one step, so undo removes a whole
 * word or sentence, not one keystroke.
 */
export function record(h: History, next: Journey, label: string, now: number): History {
  if (next === h.present) return h;
  const coalesce = h.last !== null && h.last.label === label && now - h.last.at < COALESCE_MS;
  const past = coalesce ? h.past : [...h.past, h.present].slice(-HISTORY_LIMIT);
  return { past, present: next, future: [], last: { label, at: now } };
}

export function undo(h: History): History {
  const previous = h.past[h.past.length - 1];
  if (previous === undefined) return h;
  return {
    past: h.past.slice(0, -1),
    present: previous,
    future: [h.present, ...h.future],
    last: null,
  };
}

export function redo(h: History): History {
  const [next, ...future] = h.future;
  if (next === undefined) return h;
  return { past: [...h.past, h.present], present: next, future, last: null };
}
