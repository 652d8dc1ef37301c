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
      { tagName: "INPUT", isContentEditable: false },
      { tagName: "TEXTAREA", isContentEditable: false },
      { tagName: "SELECT", isContentEditable: false },
      { tagName: "DIV", isContentEditable: true },
    ])
      expect(typingInField(key({ key: "z", ctrlKey: true, target }))).toBe(true);
    expect(
      typingInField(key({ key: "z", target: { tagName: "DIV", isContentEditable: false } })),
    ).toBe(false);
  });

  it("reads Ctrl or Cmd with Z as undo, with Shift+Z or Y as redo, and nothing else", () => {
    expect(historyKey(key({ key: "z", ctrlKey: true }))).toBe("undo");
    expect(historyKey(key({ key: "Z", metaKey: true, shiftKey: true }))).toBe("redo");
    expect(historyKey(key({ key: "y", ctrlKey: true }))).toBe("redo");
    expect(historyKey(key({ key: "z" }))).toBeNull();
    expect(historyKey(key({ key: "x", ctrlKey: true }))).toBeNull();
  });
});
