import type { ReactFlowInstance } from "@xyflow/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { StoredJourney } from "../../bindings/StoredJourney";
import { BackButton } from "../../components/BackButton";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorBanner } from "../../components/ErrorBanner";
import { TextArea, TextField } from "../../components/fields";
import { ThemeButton } from "../../components/ThemeButton";
import { allMilestones, plural, slug } from "../../components/text";
import { useTheme } from "../../components/theme";
import { useEscape } from "../../components/useEscape";
import { type AppError, api, toAppError } from "../../ipc";
import { frameworkCheck } from "../editor/check";
import { allItemNodeIds, type Clip, copyItem, pasteItems } from "../editor/clipboard";
import { Inspector } from "../editor/Inspector";
import {
  addActivity,
  addMetric,
  addMilestone,
  addNote,
  addRole,
  addStage,
  deleteItem,
  disconnect,
  type ItemKind,
  optionalText,
  stageContents,
  updateNote,
} from "../editor/ops";
import { useFunnel } from "../editor/useFunnel";
import { useJourneyEditor } from "../editor/useJourneyEditor";
import { itemOf, nodeId, roleNodeId, supportOf } from "./ids";
import { JourneyCanvas } from "./JourneyCanvas";
import type { CanvasActions } from "./JourneyContext";
import { type CanvasNode, freeNoteSpot, type LaneKey, NOTE_WIDTH } from "./layout";

interface Props {
  id: number;
  onBack: () => void;
  /** Opens the Funnel view of this journey. */
  onFunnel: () => void;
  /** Opens the Tasks view of this journey. */
  onTasks: (name: string) => void;
}

function fileName(name: string): string {
  return `${slug(name, 80) || "journey"}.json`;
}

/** True when keys typed now belong to a text box, not to the canvas. */
function typingInField(e: KeyboardEvent): boolean {
  const t = e.target as HTMLElement | null;
  return !!t && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName));
}

const NOTHING: ReadonlySet<string> = new Set();
const ignore = () => {};

export const SHORTCUTS: [string, string][] = [
  ["F5", "Present: one stage at a time, full screen (← → to step, Esc to leave)"],
  ["Ctrl+Z", "Undo"],
  ["Ctrl+Shift+Z / Ctrl+Y", "Redo"],
  ["Delete / Backspace", "Delete the selection"],
  ["Shift+click, Shift+drag", "Select several"],
  ["Ctrl+A", "Select every card"],
  ["Ctrl+C, Ctrl+V", "Copy and paste cards"],
  ["T", "Light or dark theme"],
  ["S", "Add a stage"],
  ["N", "Add a sticky note"],
  ["F", "Fit the whole board"],
  ["Esc", "Clear the selection, then back to journeys"],
  ["?", "Show this list"],
];

export function JourneyScreen({ id, onBack, onFunnel, onTasks }: Props) {
  const [stored, setStored] = useState<StoredJourney | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    let live = true;
    api.openJourney(id).then(
      (s) => live && setStored(s),
      (e) => live && setError(toAppError(e)),
    );
    return () => {
      live = false;
    };
  }, [id]);

  if (!stored)
    return (
      <div className="journey-screen">
        <header className="topbar">
          <button type="button" className="button button-quiet" onClick={onBack}>
            ← Journeys
          </button>
          <div className="topbar-title">
            <h1>{error ? "Could not open the journey" : "Opening…"}</h1>
          </div>
        </header>
        {error && <ErrorBanner error={error} onDismiss={onBack} />}
      </div>
    );
  return <Editor stored={stored} onBack={onBack} onFunnel={onFunnel} onTasks={onTasks} />;
}

interface Confirm {
  title: string;
  body: string;
  label: string;
  run: () => void;
}

function Editor({
  stored,
  onBack,
  onFunnel,
  onTasks,
}: {
  stored: StoredJourney;
  onBack: () => void;
  onFunnel: () => void;
  onTasks: (name: string) => void;
}) {
  const editor = useJourneyEditor(stored.id, stored.journey, stored.revision);
  const { journey: j, edit } = editor;
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [showFlags, setShowFlags] = useState(true);
  const [help, setHelp] = useState(false);
  const [confirm, setConfirm] = useState<Confirm | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const flow = useRef<ReactFlowInstance<CanvasNode> | null>(null);
  const [theme, toggleTheme] = useTheme();
  /** Presenting: the stage shown, by column; null when editing. */
  const [presenting, setPresenting] = useState<number | null>(null);
  const clipboard = useRef<Clip[]>([]);

  const findings = useMemo(() => frameworkCheck(j), [j]);
  const live = useFunnel(j);
  const flagged = useMemo(
    () => new Set(showFlags ? findings.map((f) => nodeId(f.kind, f.id)) : []),
    [findings, showFlags],
  );

  useEffect(() => {
    void api.setWindowTitle(`${j.name} — Milepost`).catch(() => {});
  }, [j.name]);

  const select = useCallback((ids: string[]) => setSelected(new Set(ids)), []);

  const actions: CanvasActions = useMemo(
    () => ({
      add(lane: LaneKey, stageId: string) {
        if (lane === "roles") {
          const [next, made] = addRole(j, "New role", stageId);
          edit(() => next, "add");
          select([roleNodeId(made, stageId)]);
          return;
        }
        const [next, made] =
          lane === "milestones"
            ? addMilestone(j, stageId)
            : lane === "playbook"
              ? addActivity(j, stageId)
              : addMetric(j, stageId);
        const kind: ItemKind =
          lane === "milestones" ? "milestone" : lane === "playbook" ? "activity" : "metric";
        edit(() => next, "add");
        select([nodeId(kind, made)]);
      },
      setNoteText(noteId: string, text: string) {
        edit((x) => updateNote(x, noteId, { text }), `note:${noteId}:text`);
      },
    }),
    [j, edit, select],
  );

  const newStage = useCallback(() => {
    const [next, made] = addStage(j);
    edit(() => next, "add");
    select([nodeId("stage", made)]);
  }, [j, edit, select]);

  const newNote = useCallback(() => {
    const at = freeNoteSpot(j);
    const [next, made] = addNote(j, at.x, at.y);
    edit(() => next, "add");
    select([nodeId("note", made)]);
    // Bring it into view where it landed, at the zoom the person is using.
    const zoom = flow.current?.getZoom() ?? 1;
    void flow.current?.setCenter(at.x + NOTE_WIDTH / 2, at.y + 120, { zoom, duration: 300 });
  }, [j, edit, select]);

  const deleteSelection = useCallback(() => {
    const items = [...selected].map(itemOf).filter((x) => x !== null);
    const links = [...selected].map(supportOf).filter((x) => x !== null);
    if (items.length === 0 && links.length === 0) return;
    const run = () => {
      edit((x) => {
        let next = x;
        for (const l of links) next = disconnect(next, l.activity, l.milestone);
        for (const it of items) next = deleteItem(next, it.kind, it.id);
        return next;
      }, "delete");
      setSelected(new Set());
    };
    const stages = items.filter((i) => i.kind === "stage");
    const lost = stages.map((s) => stageContents(j, s.id));
    const total = lost.reduce(
      (a, c) => ({
        milestones: a.milestones + c.milestones,
        activities: a.activities + c.activities,
        metrics: a.metrics + c.metrics,
      }),
      { milestones: 0, activities: 0, metrics: 0 },
    );
    if (stages.length > 0 && total.milestones + total.activities + total.metrics > 0) {
      const names = stages.map((s) => `“${j.stages.find((x) => x.id === s.id)?.name}”`).join(", ");
      setConfirm({
        title: `Delete ${stages.length === 1 ? "stage" : "stages"} ${names}?`,
        body: `This also deletes ${plural(total.milestones, "milestone")}, ${plural(total.activities, "play")} and ${plural(total.metrics, "metric")} in ${stages.length === 1 ? "it" : "them"}. Undo (Ctrl+Z) brings everything back.`,
        label: "Delete",
        run,
      });
    } else run();
  }, [selected, edit, j]);

  const keepFlow = useCallback((f: ReactFlowInstance<CanvasNode>) => {
    flow.current = f;
  }, []);

  const present = useCallback((stage: number | null) => {
    setPresenting(stage);
    void api.setFullscreen(stage !== null).catch(() => {});
  }, []);

  const copySelection = useCallback(() => {
    clipboard.current = [...selected]
      .map(itemOf)
      .filter((x) => x !== null)
      .flatMap((it) => copyItem(j, it.kind, it.id));
  }, [selected, j]);

  const paste = useCallback(() => {
    if (clipboard.current.length === 0) return;
    const [next, made] = pasteItems(j, clipboard.current);
    edit(() => next, "paste");
    select(made);
  }, [j, edit, select]);

  // Escape, from the inside out: leave the presenter, leave a field, close the help,
  // clear the selection, and last go back to the journeys. A confirm dialog on top takes
  // Escape itself.
  useEscape((e) => {
    if (presenting !== null) present(null);
    else if (typingInField(e)) {
      (e.target as HTMLElement).blur();
      setSelected(new Set());
    } else if (help) setHelp(false);
    else if (selected.size > 0) setSelected(new Set());
    else onBack();
  });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (confirm) return;
      if (e.key === "Escape") return; // useEscape below
      if (presenting !== null) {
        if (e.key === "F5") present(null);
        else if (e.key === "ArrowRight" || e.key === "PageDown" || e.key === " ")
          present(Math.min(presenting + 1, j.stages.length - 1));
        else if (e.key === "ArrowLeft" || e.key === "PageUp") present(Math.max(presenting - 1, 0));
        else if (e.key === "ArrowDown")
          void flow.current?.setViewport(
            { ...flow.current.getViewport(), y: flow.current.getViewport().y - 240 },
            { duration: 200 },
          );
        else if (e.key === "ArrowUp")
          void flow.current?.setViewport(
            { ...flow.current.getViewport(), y: Math.min(32, flow.current.getViewport().y + 240) },
            { duration: 200 },
          );
        else return;
        e.preventDefault();
        return;
      }
      if (e.key === "F5") {
        e.preventDefault();
        if (j.stages.length > 0) present(0);
        return;
      }
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === "z" && !e.shiftKey) {
        e.preventDefault();
        editor.undo();
      } else if (mod && ((key === "z" && e.shiftKey) || key === "y")) {
        e.preventDefault();
        editor.redo();
      } else if (mod && key === "c" && !typingInField(e)) {
        copySelection();
      } else if (mod && key === "v" && !typingInField(e)) {
        e.preventDefault();
        paste();
      } else if (mod && key === "a" && !typingInField(e)) {
        e.preventDefault();
        setSelected(new Set(allItemNodeIds(j)));
      } else if (typingInField(e) || mod || e.altKey) {
        return;
      } else if (e.key === "Delete" || e.key === "Backspace") {
        e.preventDefault();
        deleteSelection();
      } else if (e.key === "?") {
        setHelp((h) => !h);
      } else if (key === "s") {
        newStage();
      } else if (key === "n") {
        newNote();
      } else if (key === "f") {
        void flow.current?.fitView({ padding: 0.05, duration: 200 });
      } else if (key === "t") {
        toggleTheme();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [
    confirm,
    editor,
    deleteSelection,
    newStage,
    newNote,
    presenting,
    present,
    j,
    copySelection,
    paste,
    toggleTheme,
  ]);

  /** Leaves for another view once the last edit is stored (those views read it). */
  const saveThen = (go: () => void) => () => void editor.flush().then(go);

  async function exportFile() {
    setError(null);
    try {
      await editor.flush();
      const path = await api.pickExportPath(fileName(j.name));
      if (!path) return;
      await api.exportJourney(stored.id, path);
      setNotice(`Exported to ${path}`);
    } catch (e) {
      setError(toAppError(e));
    }
  }

  const single = selected.size === 1 ? itemOf([...selected][0] as string) : null;
  const save = editor.saveState;

  const editing = presenting === null;
  const canvas = (
    <JourneyCanvas
      journey={j}
      edit={editing ? edit : null}
      actions={editing ? actions : null}
      flagged={editing ? flagged : NOTHING}
      live={live}
      selected={editing ? selected : NOTHING}
      onSelectionChange={editing ? setSelected : ignore}
      onReady={keepFlow}
      focusStage={presenting}
      colorMode={theme}
    />
  );

  if (presenting !== null) {
    const stage = j.stages[presenting];
    return (
      <div className="journey-screen presenting" data-testid="presenter">
        <div className="canvas-area">{canvas}</div>
        <div className="presenter-bar">
          <button
            type="button"
            className="button button-quiet"
            onClick={() => present(Math.max(presenting - 1, 0))}
            disabled={presenting === 0}
            aria-label="Previous stage"
          >
            ‹
          </button>
          <span data-testid="presenter-stage">
            Stage {presenting + 1} of {j.stages.length} · <strong>{stage?.name}</strong>
          </span>
          <button
            type="button"
            className="button button-quiet"
            onClick={() => present(Math.min(presenting + 1, j.stages.length - 1))}
            disabled={presenting >= j.stages.length - 1}
            aria-label="Next stage"
          >
            ›
          </button>
          <span className="presenter-hint">← → stages · ↑ ↓ scroll · Esc to leave</span>
        </div>
      </div>
    );
  }

  return (
    <div className="journey-screen">
      <header className="topbar">
        <BackButton label="Journeys" onBack={onBack} />
        <div className="topbar-title">
          <h1 data-testid="journey-title" title={j.name}>
            {j.name}
          </h1>
          <span className="topbar-meta">
            {plural(j.stages.length, "stage")} · {plural(allMilestones(j).length, "milestone")} ·{" "}
            {plural(j.activities.length, "play")} ·{" "}
            <span className={`save-state save-${save.kind}`} data-testid="save-state" role="status">
              {save.kind === "saved"
                ? "All changes saved"
                : save.kind === "saving"
                  ? "Saving…"
                  : "Not saved"}
            </span>
          </span>
        </div>
        <div className="topbar-actions">
          <div className="button-group">
            <button
              type="button"
              className="button"
              onClick={editor.undo}
              disabled={!editor.canUndo}
              title="Undo (Ctrl+Z)"
              aria-label="Undo"
              data-testid="undo"
            >
              ↶
            </button>
            <button
              type="button"
              className="button"
              onClick={editor.redo}
              disabled={!editor.canRedo}
              title="Redo (Ctrl+Shift+Z)"
              aria-label="Redo"
              data-testid="redo"
            >
              ↷
            </button>
          </div>
          <button
            type="button"
            className="button"
            onClick={newStage}
            title="Add a stage (S)"
            data-testid="add-stage"
          >
            + Stage
          </button>
          <button
            type="button"
            className="button"
            onClick={newNote}
            title="Add a sticky note (N)"
            data-testid="add-note"
          >
            + Note
          </button>
          <button type="button" className="button" onClick={exportFile}>
            Export…
          </button>
          <button
            type="button"
            className="button"
            onClick={saveThen(onFunnel)}
            title="The success funnel of this journey over your customers"
            data-testid="open-funnel"
          >
            Funnel
          </button>
          <button
            type="button"
            className="button"
            onClick={saveThen(() => onTasks(j.name))}
            title="Tasks the playbook's rules create for your team"
            data-testid="open-tasks"
          >
            Tasks
          </button>
          <button
            type="button"
            className="button button-primary"
            onClick={() => present(0)}
            disabled={j.stages.length === 0}
            title="Present (F5)"
            data-testid="present"
          >
            ▶ Present
          </button>
          <ThemeButton />
          <button
            type="button"
            className="button button-quiet"
            onClick={() => setHelp(true)}
            title="Shortcuts (?)"
          >
            ?
          </button>
        </div>
      </header>
      {save.kind === "failed" && (
        <ErrorBanner error={save.error} onDismiss={() => void editor.flush()} />
      )}
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {editor.changedElsewhere && (
        <div className="notice-bar" role="status" data-testid="changed-elsewhere">
          This journey was changed in another window or by the command line; you are now seeing that
          version (Undo goes back to yours).
          <button
            type="button"
            className="button button-quiet"
            onClick={editor.dismissChangedElsewhere}
            aria-label="Dismiss"
          >
            ✕
          </button>
        </div>
      )}
      {notice && (
        <div className="notice-bar" role="status">
          {notice}
          <button
            type="button"
            className="button button-quiet"
            onClick={() => setNotice(null)}
            aria-label="Dismiss"
          >
            ✕
          </button>
        </div>
      )}
      <div className="editor-body">
        <div className="canvas-area">{canvas}</div>
        <aside className="sidebar">
          {single ? (
            <Inspector
              key={`${single.kind}:${single.id}`}
              journey={j}
              kind={single.kind}
              id={single.id}
              edit={edit}
              findings={findings.filter((f) => f.kind === single.kind && f.id === single.id)}
              onDelete={deleteSelection}
            />
          ) : (
            <div className="inspector">
              <div className="inspector-kind">Journey</div>
              <TextField
                label="Name"
                value={j.name}
                testId="journey-name"
                onChange={(v) => edit((x) => ({ ...x, name: v }), "journey:name")}
              />
              <TextArea
                label="Description"
                value={j.description}
                onChange={(v) =>
                  edit((x) => ({ ...x, description: optionalText(v) }), "journey:description")
                }
              />
              {selected.size > 1 && (
                <p className="muted">{selected.size} items selected — Delete removes them all.</p>
              )}
              <section className="check" data-testid="framework-check">
                <div className="check-head">
                  <h3>Framework check</h3>
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={showFlags}
                      onChange={(e) => setShowFlags(e.target.checked)}
                    />
                    Show on canvas
                  </label>
                </div>
                {findings.length === 0 ? (
                  <p className="check-ok">
                    Every play supports a milestone, every milestone has criteria, every stage is
                    measured.
                  </p>
                ) : (
                  <ul className="check-list">
                    {findings.map((f) => (
                      <li key={`${f.rule}:${f.id}`}>
                        <button
                          type="button"
                          className="check-item"
                          data-rule={f.rule}
                          onClick={() => select([nodeId(f.kind, f.id)])}
                        >
                          {f.message}
                        </button>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            </div>
          )}
        </aside>
      </div>
      {confirm && (
        <ConfirmDialog
          title={confirm.title}
          confirmLabel={confirm.label}
          danger
          onConfirm={() => {
            confirm.run();
            setConfirm(null);
          }}
          onCancel={() => setConfirm(null)}
        >
          <p>{confirm.body}</p>
        </ConfirmDialog>
      )}
      {help && (
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
              <button
                type="button"
                className="button button-primary"
                onClick={() => setHelp(false)}
              >
                Close
              </button>
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
