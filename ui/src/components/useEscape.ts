import { useEffect } from "react";

/** Calls `action` when Escape is pressed anywhere in the window (e.g. back to the
 * previous screen). */
export function useEscape(action: () => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") action();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [action]);
}
