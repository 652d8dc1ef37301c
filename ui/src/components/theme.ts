// Light or dark, remembered on this machine. Applied to <html data-theme> so the CSS
// variables switch everywhere at once.
import { useCallback, useSyncExternalStore } from "react";

export type Theme = "light" | "dark";
const KEY = "milepost.theme";
const listeners = new Set<() => void>();

export function currentTheme(): Theme {
  return document.documentElement.dataset.theme === "dark" ? "dark" : "light";
}

export function applyTheme(theme: Theme) {
  document.documentElement.dataset.theme = theme;
  try {
    localStorage.setItem(KEY, theme);
  } catch {
    // Storage can be unavailable; the theme still applies for this run.
  }
  for (const l of listeners) l();
}

/** Applies the remembered theme; call once before the first render. */
export function restoreTheme() {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(KEY);
  } catch {
    saved = null;
  }
  document.documentElement.dataset.theme = saved === "dark" ? "dark" : "light";
}

export function useTheme(): [Theme, () => void] {
  const theme = useSyncExternalStore((l) => {
    listeners.add(l);
    return () => listeners.delete(l);
  }, currentTheme);
  const toggle = useCallback(() => applyTheme(currentTheme() === "dark" ? "light" : "dark"), []);
  return [theme, toggle];
}
