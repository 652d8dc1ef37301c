// The editor's keyboard shortcuts, listed in a dialog (the ? key or the toolbar's help).
export const SHORTCUTS: [string, string][] = [
  ["F5", "Present: one stage at a time, full screen (← → to step, Esc to leave)"],
  ["Ctrl+Z", "Undo"],
  ["Ctrl+Shift+Z / Ctrl+Y", "Redo"],
  ["Delete / Backspace", "Delete the selection"],
  ["Shift+click, Shift+drag", "Select several"],
  ["Ctrl+A", "Select every card"],
  ["Ctrl+C, Ctrl+V", "Copy and paste cards"],
  ["Ctrl+E", "Export: PDF playbook, journey map image, journey file, CSV"],
  ["T", "Light or dark theme"],
  ["S", "Add a stage"],
  ["N", "Add a sticky note"],
  ["F", "Fit the stages at a readable size"],
  ["Shift+F", "The whole board, however small (an overview)"],
  ["Esc", "Leave a field, the presenter or the selection (never the journey)"],
  ["?", "Show this list"],
];

export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="help-title">
        <h2 id="help-title">Keyboard shortcuts</h2>
        <table className="shortcuts">
          <tbody>
            {SHORTCUTS.map(([keys, what]) => (
              <tr key={keys}>
                <td>
                  <kbd>{keys}</kbd>
                </td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="modal-actions">
          <button type="button" className="button button-primary" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
