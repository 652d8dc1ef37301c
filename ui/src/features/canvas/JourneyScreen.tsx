// The journey editor: opens the stored journey, then composes the board, the side panel,
// the toolbar and the dialogs around one undo history (useJourneyEditor), the selection and
// its commands (useSelection), and the one keyboard (useEditorKeys).
import type { ReactFlowInstance } from "@xyflow/react";
import { useEffect, useRef, useState } from "react";
import type { StoredJourney } from "../../bindings/StoredJourney";
import { ErrorBanner } from "../../components/ErrorBanner";
import { useTheme } from "../../components/theme";
import { type AppError, api, toAppError } from "../../ipc";
import { useEditorKeys } from "../editor/useEditorKeys";
import { useFunnel } from "../editor/useFunnel";
import { useJourneyEditor } from "../editor/useJourneyEditor";
import { ChangesBar, type ShownChanges } from "../versions/ChangesBar";
import { RoomPanel } from "../voting/RoomPanel";
import { useVoting } from "../voting/useVoting";
import { VotingBanner } from "../voting/VotingBanner";
import { reportPainted } from "../workspace/painted";
import { AgendaTimer, useAgendaClock } from "./AgendaTimer";
import { ConfirmPrompt } from "./ConfirmPrompt";
import { EditorBanners, NoticeBar } from "./EditorBanners";
import { EditorCanvas } from "./EditorCanvas";
import { EditorSidebar } from "./EditorSidebar";
import { EditorToolbar } from "./EditorToolbar";
import { bringIntoView } from "./fit";
import { JourneyDialogs } from "./JourneyDialogs";
import type { CanvasNode } from "./layout";
import { PresenterView } from "./PresenterView";
import { ShortcutsHelp } from "./ShortcutsHelp";
import { useCanvasCommands } from "./useCanvasCommands";
import { useFrameworkCheck } from "./useFrameworkCheck";
import { useJourneyDialogs } from "./useJourneyDialogs";
import { useJourneyWords } from "./useJourneyWords";
import { usePresenter } from "./usePresenter";
import { useSaveSummary } from "./useSaveSummary";
import { useSelection } from "./useSelection";
import { type Views, viewLinks } from "./viewLinks";

export { SHORTCUTS } from "./ShortcutsHelp";

interface Props extends Views {
  id: number;
  onBack: () => void;
}

export function JourneyScreen({ id, onBack, ...views }: Props) {
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
  return <Editor stored={stored} onBack={onBack} {...views} />;
}

interface EditorProps extends Views {
  stored: StoredJourney;
  onBack: () => void;
}

function Editor({ stored, onBack, ...views }: EditorProps) {
  const editor = useJourneyEditor(stored.id, stored.journey, stored.revision);
  const { journey: j, edit } = editor;
  const [help, setHelp] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** A comparison with a version, shown on the canvas. */
  const [changes, setChanges] = useState<ShownChanges | null>(null);
  const flow = useRef<ReactFlowInstance<CanvasNode> | null>(null);
  const [theme, toggleTheme] = useTheme();
  const [presenting, present] = usePresenter();
  const selection = useSelection(j, edit);
  const dialogs = useJourneyDialogs(editor.flush, setError);
  const saveSummary = useSaveSummary(stored.id, j, editor.flush, setError, setNotice);
  const agenda = j.agenda ?? [];
  const clock = useAgendaClock(agenda);

  const voting = useVoting(j, edit);
  const { words, error: wordsError } = useJourneyWords(j);
  const check = useFrameworkCheck(words);
  const live = useFunnel(j, stored.id);
  useEffect(() => {
    if (live) reportPainted("journey");
  }, [live]);

  useEffect(() => {
    void api.setWindowTitle(`${j.name} — Milepost`).catch(() => {});
  }, [j.name]);

  const commands = useCanvasCommands(j, edit, selection.select, voting.voter, flow);

  useEditorKeys({
    journey: j,
    blocked: selection.confirm !== null || dialogs.exporting || dialogs.versionsOpen,
    presenting,
    present,
    flow,
    help,
    setHelp,
    selected: selection.selected,
    setSelected: selection.setSelected,
    undo: editor.undo,
    redo: editor.redo,
    copySelection: selection.copySelection,
    paste: selection.paste,
    deleteSelection: selection.deleteSelection,
    newStage: commands.newStage,
    newNote: commands.newNote,
    toggleTheme,
    openExport: () => void dialogs.openExport(),
  });

  // Changes shown since a version: the first changed card comes into view (a stage added
  // at the end of the board would otherwise be off to the right).
  useEffect(() => {
    if (changes && flow.current) bringIntoView(flow.current, changes.marks.keys());
  }, [changes]);

  const go = viewLinks(editor.flush, j.name, views);
  const canvas = (
    <EditorCanvas
      journey={j}
      edit={edit}
      actions={commands.actions}
      presenting={presenting}
      selection={selection}
      check={check}
      live={live}
      words={words}
      voting={voting}
      changes={changes}
      theme={theme}
      flow={flow}
    />
  );
  const timerView = <AgendaTimer agenda={agenda} clock={clock} large={presenting !== null} />;
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
      <EditorToolbar
        editor={editor}
        commands={commands}
        go={go}
        onBack={onBack}
        onExport={dialogs.openExport}
        onPresent={() => present(0)}
        onHelp={() => setHelp(true)}
      />
      <EditorBanners
        editor={editor}
        error={error}
        onDismissError={() => setError(null)}
        wordsError={wordsError}
        voting={voting}
      />
      <JourneyDialogs
        journeyId={stored.id}
        journey={j}
        edit={edit}
        hasData={live !== null}
        dialogs={dialogs}
        onNotice={setNotice}
        onShowChanges={setChanges}
      />
      <NoticeBar notice={notice} onDismiss={() => setNotice(null)} />
      <div className="editor-body">
        <div className="canvas-area">
          {changes && <ChangesBar changes={changes} onDone={() => setChanges(null)} />}
          <VotingBanner journey={j} voting={voting} />
          {canvas}
          {timerView}
          {roomView}
        </div>
        <EditorSidebar
          journey={j}
          edit={edit}
          selection={selection}
          check={check}
          clock={clock}
          voting={voting}
          hasData={live !== null}
          onVersions={dialogs.openVersions}
          onData={go.data}
          onSaveSummary={saveSummary}
        />
      </div>
      <ConfirmPrompt confirm={selection.confirm} onClose={() => selection.setConfirm(null)} />
      {help && <ShortcutsHelp onClose={() => setHelp(false)} />}
    </div>
  );
}
