// A one-line form that adds an item: a text field and a button, Enter adds, the field
// clears after (participants, decisions, a version's name).
import { useState } from "react";

export function InlineAdd(props: {
  placeholder: string;
  label: string;
  onAdd: (text: string) => void;
  testId: string;
  primary?: boolean;
}) {
  const [text, setText] = useState("");
  return (
    <form
      className="inline-add"
      onSubmit={(e) => {
        e.preventDefault();
        const value = text.trim();
        if (!value) return;
        props.onAdd(value);
        setText("");
      }}
    >
      <input
        className="input"
        value={text}
        placeholder={props.placeholder}
        onChange={(e) => setText(e.target.value)}
        data-testid={`${props.testId}-text`}
      />
      <button
        type="submit"
        className={props.primary ? "button button-primary" : "button"}
        disabled={!text.trim()}
        data-testid={`${props.testId}-add`}
      >
        {props.label}
      </button>
    </form>
  );
}
