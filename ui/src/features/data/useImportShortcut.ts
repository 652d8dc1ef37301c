// Ctrl+I (⌘I) opens the import wizard, unless it is open already.
import { useEffect } from "react";

/** `setWizard` should be stable (a state setter), so the key is listened for once per state. */
export function useImportShortcut(wizard: boolean, setWizard: (open: boolean) => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (wizard) return;
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "i") {
        e.preventDefault();
        setWizard(true);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [wizard, setWizard]);
}
