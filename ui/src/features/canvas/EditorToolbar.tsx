// The journey's top bar wired to the editor: undo and redo with the save state, the add
// commands, export, present, help, and the other views (each once the last edit is stored).
import type { JourneyEditor } from "../editor/useJourneyEditor";
import { JourneyToolbar } from "./JourneyToolbar";
import type { CanvasCommands } from "./useCanvasCommands";
import type { ViewLinks } from "./viewLinks";

interface Props {
  editor: JourneyEditor;
  commands: CanvasCommands;
  go: ViewLinks;
  onBack: () => void;
  onExport: () => void;
  onPresent: () => void;
  onHelp: () => void;
}

export function EditorToolbar({
  editor,
  commands,
  go,
  onBack,
  onExport,
  onPresent,
  onHelp,
}: Props) {
  return (
    <JourneyToolbar
      journey={editor.journey}
      save={editor.saveState}
      canUndo={editor.canUndo}
      canRedo={editor.canRedo}
      onUndo={editor.undo}
      onRedo={editor.redo}
      onBack={onBack}
      onNewStage={commands.newStage}
      onNewNote={commands.newNote}
      onExport={onExport}
      onFunnel={go.funnel}
      onTasks={go.tasks}
      onMatrices={go.matrices}
      onValue={go.value}
      onPresent={onPresent}
      onHelp={onHelp}
    />
  );
}
