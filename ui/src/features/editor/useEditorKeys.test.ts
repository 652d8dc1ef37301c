import { describe, expect, it } from "vitest";
import { historyKey, typingInField } from "./useEditorKeys";

type Fake = {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
  target?: unknown;
};
const key = (init: Fake) =>
  ({ ctrlKey: false, metaKey: false, shiftKey: false, ...init }) as unknown as KeyboardEvent;

describe("the keyboard shared by the board and the other screens", () => {
  it("leaves every key to a field being typed in, contentEditable included", () => {
    for (const target of [
      { tagName: "INPUT", type: "text", isContentEditable: false },
      { tagName: "INPUT", type: "number", isContentEditable: false },
      { tagName: "INPUT", type: "range", isContentEditable: false },
      { tagName: "TEXTAREA", isContentEditable: false },
      { tagName: "SELECT", isContentEditable: false },
      { tagName: "DIV", isContentEditable: true },
    ])
      expect(typingInField(key({ key: "z", ctrlKey: true, target }))).toBe(true);
    // A box just ticked, or a button just pressed, leaves the keys to the shortcuts.
    for (const target of [
      { tagName: "DIV", isContentEditable: false },
      { tagName: "INPUT", type: "checkbox", isContentEditable: false },
      { tagName: "INPUT", type: "radio", isContentEditable: false },
      { tagName: "BUTTON", isContentEditable: false },
    ])
      expect(typingInField(key({ key: "f", target }))).toBe(false);
  });

  it("reads Ctrl or Cmd with Z as undo, with Shift+Z or Y as redo, and nothing else", () => {
    expect(historyKey(key({ key: "z", ctrlKey: true }))).toBe("undo");
    expect(historyKey(key({ key: "Z", metaKey: true, shiftKey: true }))).toBe("redo");
    expect(historyKey(key({ key: "y", ctrlKey: true }))).toBe("redo");
    expect(historyKey(key({ key: "z" }))).toBeNull();
    expect(historyKey(key({ key: "x", ctrlKey: true }))).toBeNull();
  });
});
