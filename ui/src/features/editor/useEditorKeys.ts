// The editor's keyboard: shortcuts on the board (undo, copy, delete, add, fit, theme),
// the presenter's keys, and what Escape means from the inside out. One listener, reading
// the latest state through a ref, so it never works on a stale journey. Screens beside the
// board (the Matrices view) take the same undo keys through useScreenKeys.
import type { ReactFlowInstance } from "@xyflow/react";
import { type RefObject, useEffect, useRef } from "react";
import type { Journey } from "../../bindings/Journey";
import { useEscape } from "../../components/useEscape";
import { FIT_EVENT } from "../canvas/fit";
import type { CanvasNode } from "../canvas/layout";
import { allItemNodeIds } from "./clipboard";

/** Inputs that take no typed text: a key pressed on one (after ticking a box, say) is a
 * shortcut, not text. */
const KEYLESS_INPUTS = ["checkbox", "radio", "button", "submit", "reset", "color", "file"];

/** True when keys typed now belong to a field (a text box, a list, a slider), not to the
 * canvas. */
export function typingInField(e: KeyboardEvent): boolean {
  const t = e.target as HTMLElement | null;
  if (!t) return false;
  if (t.tagName === "INPUT") return !KEYLESS_INPUTS.includes((t as HTMLInputElement).type);
  return t.isContentEditable || ["TEXTAREA", "SELECT"].includes(t.tagName);
}

/** What Ctrl/Cmd with Z or Y asks for, on the board and on every other screen:
 * Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo. */
export function historyKey(e: KeyboardEvent): "undo" | "redo" | null {
  if (!(e.ctrlKey || e.metaKey)) return null;
  const key = e.key.toLowerCase();
  if (key === "z") return e.shiftKey ? "redo" : "undo";
  return key === "y" ? "redo" : null;
}

export interface EditorKeys {
  journey: Journey;
  /** A dialog is open: it has the keyboard. */
  blocked: boolean;
  presenting: number | null;
  present: (stage: number | null) => void;
  flow: RefObject<ReactFlowInstance<CanvasNode> | null>;
  help: boolean;
  setHelp: (update: (open: boolean) => boolean) => void;
  selected: ReadonlySet<string>;
  setSelected: (ids: Set<string>) => void;
  undo: () => void;
  redo: () => void;
  copySelection: () => void;
  paste: () => void;
  deleteSelection: () => void;
  newStage: () => void;
  newNote: () => void;
  toggleTheme: () => void;
  /** Ctrl+E: the Export dialog. */
  openExport: () => void;
}

function scroll(flow: EditorKeys["flow"], by: number) {
  const f = flow.current;
  if (!f) return;
  const v = f.getViewport();
  void f.setViewport({ ...v, y: Math.min(32, v.y + by) }, { duration: 200 });
}

export function useEditorKeys(keys: EditorKeys) {
  const latest = useRef(keys);
  latest.current = keys;

  // Escape, from the inside out: leave the presenter, leave a field, close the help,
  // clear the selection — and never more: a presenter who taps Escape twice in front of
  // the room still has the board (the journey is left with the Journeys button). A dialog
  // on top takes Escape itself.
  useEscape((e) => {
    const k = latest.current;
    if (k.presenting !== null) k.present(null);
    else if (typingInField(e)) {
      (e.target as HTMLElement).blur();
      k.setSelected(new Set());
    } else if (k.help) k.setHelp(() => false);
    else if (k.selected.size > 0) k.setSelected(new Set());
  });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const k = latest.current;
      if (k.blocked || e.key === "Escape") return;
      const stages = k.journey.stages.length;
      if (k.presenting !== null) {
        const at = k.presenting;
        if (e.key === "F5") k.present(null);
        else if (e.key === "ArrowRight" || e.key === "PageDown" || e.key === " ")
          k.present(Math.min(at + 1, stages - 1));
        else if (e.key === "ArrowLeft" || e.key === "PageUp") k.present(Math.max(at - 1, 0));
        else if (e.key === "ArrowDown") scroll(k.flow, -240);
        else if (e.key === "ArrowUp") scroll(k.flow, 240);
        else return;
        e.preventDefault();
        return;
      }
      if (e.key === "F5") {
        e.preventDefault();
        if (stages > 0) k.present(0);
        return;
      }
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      const typing = typingInField(e);
      const history = historyKey(e);
      if (history) {
        e.preventDefault();
        if (history === "undo") k.undo();
        else k.redo();
      } else if (mod && key === "e") {
        e.preventDefault();
        k.openExport();
      } else if (mod && key === "c" && !typing) {
        k.copySelection();
      } else if (mod && key === "v" && !typing) {
        e.preventDefault();
        k.paste();
      } else if (mod && key === "a" && !typing) {
        e.preventDefault();
        k.setSelected(new Set(allItemNodeIds(k.journey)));
      } else if (typing || mod || e.altKey) {
        return;
      } else if (e.key === "Delete" || e.key === "Backspace") {
        e.preventDefault();
        k.deleteSelection();
      } else if (e.key === "?") {
        k.setHelp((open) => !open);
      } else if (key === "s") {
        k.newStage();
      } else if (key === "n") {
        k.newNote();
      } else if (key === "f" && e.shiftKey) {
        // The whole board, however small: an overview for the person editing, not the room.
        void k.flow.current?.fitView({ padding: 0.05, duration: 200 });
      } else if (key === "f") {
        document.dispatchEvent(new Event(FIT_EVENT));
      } else if (key === "t") {
        k.toggleTheme();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}

/** The keys of a screen beside the board (the Matrices view). */
export interface ScreenKeys {
  undo: () => void;
  redo: () => void;
  /** Any other key, pressed outside a text field (arrows that nudge, say). */
  onKey?: (e: KeyboardEvent) => void;
}

/**
 * Undo and redo with the board's keys, and the screen's own keys — none of them while
 * typing in a field (a contentEditable too), where Ctrl+Z belongs to the text. One
 * listener reading the latest keys, as on the board.
 */
export function useScreenKeys(keys: ScreenKeys) {
  const latest = useRef(keys);
  latest.current = keys;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typingInField(e)) return;
      const k = latest.current;
      const history = historyKey(e);
      if (history) {
        e.preventDefault();
        if (history === "undo") k.undo();
        else k.redo();
      } else k.onKey?.(e);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
