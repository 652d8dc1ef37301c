// The view open when the app closed, remembered on this machine for each workspace file, so
// the next start opens on it (PRODUCT.md: "opens in about a second with the last journey").

export type Screen =
  | { kind: "home" }
  | { kind: "journey"; id: number }
  | { kind: "funnel"; id: number }
  | { kind: "tasks"; id: number; name: string }
  | { kind: "matrices"; id: number; name: string }
  | { kind: "value"; id: number; name: string }
  | { kind: "data"; from?: number };

const KEY = "milepost.lastScreen:";

/** What is worth reopening: a journey's views; the data screen reopens as its journey. */
export function toRemember(screen: Screen): Screen {
  if (screen.kind === "data") {
    return screen.from === undefined ? { kind: "home" } : { kind: "journey", id: screen.from };
  }
  return screen;
}

export function rememberScreen(workspace: string, screen: Screen) {
  try {
    localStorage.setItem(KEY + workspace, JSON.stringify(toRemember(screen)));
  } catch {
    // Storage can be unavailable: the next start opens on the home screen.
  }
}

/** The screen remembered for this workspace, if it is one this version can show. */
export function lastScreen(workspace: string): Screen | null {
  let text: string | null = null;
  try {
    text = localStorage.getItem(KEY + workspace);
  } catch {
    return null;
  }
  return text === null ? null : parseScreen(text);
}

export function parseScreen(text: string): Screen | null {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof v !== "object" || v === null) return null;
  const s = v as Record<string, unknown>;
  const id = s.id;
  const name = s.name;
  const hasId = typeof id === "number" && Number.isSafeInteger(id) && id > 0;
  switch (s.kind) {
    case "home":
      return { kind: "home" };
    case "journey":
    case "funnel":
      return hasId ? { kind: s.kind, id: id as number } : null;
    case "tasks":
    case "matrices":
    case "value":
      return hasId && typeof name === "string" ? { kind: s.kind, id: id as number, name } : null;
    default:
      return null;
  }
}
