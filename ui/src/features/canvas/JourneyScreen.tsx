import type { ReactFlowInstance } from "@xyflow/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Finding } from "../../bindings/Finding";
import type { StoredJourney } from "../../bindings/StoredJourney";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorBanner } from "../../components/ErrorBanner";
import { TextArea, TextField } from "../../components/fields";
import { plural } from "../../components/text";
import { useTheme } from "../../components/theme";
import { useSingleFlight } from "../../components/useSingleFlight";
import { type AppError, api, toAppError } from "../../ipc";
import { type Clip, copyItem, pasteItems } from "../editor/clipboard";
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
import { useEditorKeys } from "../editor/useEditorKeys";
import { useFunnel } from "../editor/useFunnel";
import { useJourneyEditor } from "../editor/useJourneyEditor";
import { ExportDialog } from "../export/ExportDialog";
import { fileStem } from "../export/files";
import { ValuePanel } from "../value/ValuePanel";
import { ChangesBar, type ShownChanges } from "../versions/ChangesBar";
import { changeMarks } from "../versions/compare";
import { VersionsDialog } from "../versions/VersionsDialog";
import { RoomPanel } from "../voting/RoomPanel";
import { useVoting } from "../voting/useVoting";
import { VotingBanner } from "../voting/VotingBanner";
import { VotingPanel } from "../voting/VotingPanel";
import { AgendaPanel } from "../workshop/AgendaPanel";
import { Timer } from "../workshop/Timer";
import {
  extend as extendTimer,
  pause as pauseTimer,
  resume as resumeTimer,
  start as startTimer,
  type TimerState,
} from "../workshop/timer";
import { WorkshopPanel } from "../workshop/WorkshopPanel";
import { Hints } from "./Hints";
import { itemOf, nodeId, roleNodeId, supportOf } from "./ids";
import { JourneyCanvas } from "./JourneyCanvas";
import type { CanvasActions } from "./JourneyContext";
import { JourneyToolbar } from "./JourneyToolbar";
import { type CanvasNode, freeNoteSpot, type LaneKey, NOTE_WIDTH } from "./layout";
import { PresenterView } from "./PresenterView";
import { useJourneyWords } from "./useJourneyWords";

interface Props {
  id: number;
  onBack: () => void;
  /** Opens the Funnel view of this journey. */
  onFunnel: () => void;
  /** Opens the Tasks view of this journey. */
  onTasks: (name: string) => void;
  /** Opens the Matrices view of this journey. */
  onMatrices: (name: string) => void;
  /** Opens the Value view of this journey. */
  onValue: (name: string) => void;
  /** Opens the customer data (Back returns here). */
  onData: () => void;
}

const NOTHING: ReadonlySet<string> = new Set();
const NO_FINDINGS: Finding[] = [];
const ignore = () => {};

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

export function JourneyScreen({
  id,
  onBack,
  onFunnel,
  onTasks,
  onMatrices,
  onValue,
  onData,
}: Props) {
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
  return (
    <Editor
      stored={stored}
      onBack={onBack}
      onFunnel={onFunnel}
      onTasks={onTasks}
      onMatrices={onMatrices}
      onValue={onValue}
      onData={onData}
    />
  );
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
  onMatrices,
  onValue,
  onData,
}: {
  stored: StoredJourney;
  onBack: () => void;
  onFunnel: () => void;
  onTasks: (name: string) => void;
  /** Opens the Matrices view of this journey. */
  onMatrices: (name: string) => void;
  onValue: (name: string) => void;
  onData: () => void;
}) {
  const editor = useJourneyEditor(stored.id, stored.journey, stored.revision);
  const { journey: j, edit } = editor;
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [, once] = useSingleFlight();
  const [showFlags, setShowFlags] = useState(true);
  const [help, setHelp] = useState(false);
  const [confirm, setConfirm] = useState<Confirm | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [versionsOpen, setVersionsOpen] = useState(false);
  /** A comparison with a version, shown on the canvas. */
  const [changes, setChanges] = useState<ShownChanges | null>(null);
  const [timer, setTimer] = useState<TimerState | null>(null);
  const flow = useRef<ReactFlowInstance<CanvasNode> | null>(null);
  const [theme, toggleTheme] = useTheme();
  /** Presenting: the stage shown, by column; null when editing. */
  const [presenting, setPresenting] = useState<number | null>(null);
  const clipboard = useRef<Clip[]>([]);

  const voting = useVoting(j, edit);
  const { words, error: wordsError } = useJourneyWords(j);
  const findings = words?.findings ?? NO_FINDINGS;
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
    // Written while someone has the vote: it is theirs.
    const [next, made] = addNote(j, at.x, at.y, "yellow", voting.voter ?? undefined);
    edit(() => next, "add");
    select([nodeId("note", made)]);
    // Bring it into view where it landed, at the zoom the person is using.
    const zoom = flow.current?.getZoom() ?? 1;
    void flow.current?.setCenter(at.x + NOTE_WIDTH / 2, at.y + 120, { zoom, duration: 300 });
  }, [j, edit, select, voting.voter]);

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

  useEditorKeys({
    journey: j,
    blocked: confirm !== null || exporting || versionsOpen,
    presenting,
    present,
    flow,
    help,
    setHelp,
    selected,
    setSelected,
    undo: editor.undo,
    redo: editor.redo,
    copySelection,
    paste,
    deleteSelection,
    newStage,
    newNote,
    toggleTheme,
    openExport: () => void exportFile(),
  });

  /** Leaves for another view once the last edit is stored (those views read it). */
  const saveThen = (go: () => void) => () => void editor.flush().then(go);

  /** Saves the workshop summary as Markdown, once the last edit is stored. */
  const saveSummary = () => once(saveSummaryFile);

  async function saveSummaryFile() {
    setError(null);
    try {
      await editor.flush();
      const path = await api.pickSavePath(`${fileStem(j.name)}-workshop.md`, "Markdown", "md");
      if (!path) return;
      await api.exportWorkshopSummary(stored.id, path);
      setNotice(`Exported to ${path}`);
    } catch (e) {
      setError(toAppError(e));
    }
  }

  /** Opens the Export dialog once the last edit is stored: every export reads it. */
  async function exportFile() {
    setError(null);
    try {
      await editor.flush();
      setExporting(true);
    } catch (e) {
      setError(toAppError(e));
    }
  }

  const single = selected.size === 1 ? itemOf([...selected][0] as string) : null;
  const save = editor.saveState;

  const agenda = j.agenda ?? [];
  const startStep = (i: number) => {
    const step = agenda[i];
    setTimer(step ? startTimer(i, step.minutes, Date.now()) : null);
  };
  const timerView = timer && (
    <Timer
      agenda={agenda}
      timer={timer}
      large={presenting !== null}
      onPause={() => setTimer((t) => t && pauseTimer(t, Date.now()))}
      onResume={() => setTimer((t) => t && resumeTimer(t, Date.now()))}
      onExtend={() => setTimer((t) => t && extendTimer(t, 5))}
      onNext={() => startStep(timer.step + 1)}
      onStop={() => setTimer(null)}
    />
  );

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
      votes={voting.votes}
      words={words}
      onCardClick={editing ? voting.onCardClick : null}
      marks={changes?.marks ?? voting.marks}
      dimUnmarked={(changes?.marks ?? voting.marks) != null}
    />
  );
  const roomView = voting.room && (
    <RoomPanel journey={j} room={voting.room} onStop={voting.stopRoom} />
  );

  if (presenting !== null) {
    return (
      <PresenterView journey={j} at={presenting} present={present}>
        {canvas}
        {timerView}
        {roomView}
      </PresenterView>
    );
  }

  return (
    <div className="journey-screen">
      <JourneyToolbar
        journey={j}
        save={save}
        canUndo={editor.canUndo}
        canRedo={editor.canRedo}
        onUndo={editor.undo}
        onRedo={editor.redo}
        onBack={onBack}
        onNewStage={newStage}
        onNewNote={newNote}
        onExport={exportFile}
        onFunnel={saveThen(onFunnel)}
        onTasks={saveThen(() => onTasks(j.name))}
        onMatrices={saveThen(() => onMatrices(j.name))}
        onValue={saveThen(() => onValue(j.name))}
        onPresent={() => present(0)}
        onHelp={() => setHelp(true)}
      />
      {save.kind === "failed" && (
        <ErrorBanner error={save.error} onDismiss={() => void editor.flush()} />
      )}
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {wordsError && <ErrorBanner error={wordsError} onDismiss={() => undefined} />}
      {voting.roomError && <ErrorBanner error={voting.roomError} onDismiss={voting.stopRoom} />}
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
      {exporting && (
        <ExportDialog
          journeyId={stored.id}
          journeyName={j.name}
          hasData={live !== null}
          onClose={() => setExporting(false)}
          onSaved={(path) => {
            setExporting(false);
            setNotice(`Exported to ${path}`);
          }}
        />
      )}
      {versionsOpen && (
        <VersionsDialog
          journeyId={stored.id}
          journeyName={j.name}
          current={j}
          onClose={() => setVersionsOpen(false)}
          onRestore={(version, name) => {
            edit(() => version, "restore");
            setVersionsOpen(false);
            setNotice(`Restored “${name}”. Ctrl+Z undoes it.`);
          }}
          onShowChanges={(diff, version) => {
            setChanges({ version, diff, marks: changeMarks(diff) });
            setVersionsOpen(false);
          }}
        />
      )}
      {notice && (
        <div className="notice-bar" role="status">
          <span data-testid="notice">{notice}</span>
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
        <div className="canvas-area">
          {changes && <ChangesBar changes={changes} onDone={() => setChanges(null)} />}
          <VotingBanner journey={j} voting={voting} />
          {canvas}
          {timerView}
          {roomView}
        </div>
        <aside className="sidebar">
          {selected.size === 0 && <Hints hasData={live !== null} />}
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
              <button
                type="button"
                className="button"
                onClick={() =>
                  void editor.flush().then(
                    () => setVersionsOpen(true),
                    (e) => setError(toAppError(e)),
                  )
                }
                title="Save a named version before the workshop, compare, restore"
                data-testid="versions-button"
              >
                Versions…
              </button>
              <button
                type="button"
                className="button"
                onClick={saveThen(onData)}
                title="The customers, their events and stakeholders: import, look up, replace"
                data-testid="open-data"
              >
                Customer data…
              </button>
              <AgendaPanel
                journey={j}
                edit={edit}
                running={timer?.step ?? null}
                onStart={startStep}
              />
              <WorkshopPanel journey={j} edit={edit} onSaveSummary={() => void saveSummary()} />
              <ValuePanel journey={j} edit={edit} />
              <VotingPanel
                journey={j}
                edit={edit}
                voting={voting}
                onShowCard={(key) => select([key])}
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
