import { useEffect, useRef } from "react";

// One Escape for the whole window. Screens, panels and dialogs register what Escape
// means to them; only the layer opened last (a dialog over a screen) gets the key, so a
// single press never both closes a dialog and leaves the screen beneath it.

type Layer = { run: (e: KeyboardEvent) => void };
const layers: Layer[] = [];

function onKey(e: KeyboardEvent) {
  if (e.key !== "Escape") return;
  const top = layers[layers.length - 1];
  if (!top) return;
  e.preventDefault();
  // A slider, checkbox or button keeps the keyboard after a click; Escape lets go of it
  // as well as doing what the layer says, so the next key is the screen's again.
  const t = e.target as HTMLElement | null;
  if (t && t instanceof HTMLInputElement && ["range", "checkbox", "radio"].includes(t.type)) {
    t.blur();
  } else if (t instanceof HTMLButtonElement) t.blur();
  top.run(e);
}

if (typeof window !== "undefined") window.addEventListener("keydown", onKey);

/** Registers what Escape does while the calling component is mounted (and `enabled`):
 * go back, close a panel, cancel a dialog. The latest registered layer wins. */
export function useEscape(action: (e: KeyboardEvent) => void, enabled = true) {
  const latest = useRef(action);
  latest.current = action;
  useEffect(() => {
    if (!enabled) return;
    const layer: Layer = { run: (e) => latest.current(e) };
    layers.push(layer);
    return () => {
      const i = layers.lastIndexOf(layer);
      if (i >= 0) layers.splice(i, 1);
    };
  }, [enabled]);
}
