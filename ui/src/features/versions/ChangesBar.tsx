// Over the canvas while it shows what changed since a version: the key to the marks, the
// counts, and Done.
import type { Diff } from "../../bindings/Diff";

export interface ShownChanges {
  version: string;
  diff: Diff;
  marks: ReadonlyMap<string, string>;
}

export function ChangesBar({ changes, onDone }: { changes: ShownChanges; onDone: () => void }) {
  const { added, changed, removed } = changes.diff;
  return (
    <div className="changes-bar" role="status" data-testid="changes-bar">
      <strong>Changes since “{changes.version}”</strong>
      <span className="changes-key changes-key-added">{added.length} added</span>
      <span className="changes-key changes-key-changed">{changed.length} changed</span>
      {removed.length > 0 && (
        <span className="muted">
          {removed.length} removed: {removed.map((r) => r.name).join(", ")}
        </span>
      )}
      <button type="button" className="button button-quiet" onClick={onDone}>
        Done
      </button>
    </div>
  );
}
