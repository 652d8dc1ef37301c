// The journey editor's top bar: the way back, the title with its counts and save state,
// and the commands (undo, add, export, the Funnel and Tasks views, present, help).
import type { Journey } from "../../bindings/Journey";
import { BackButton } from "../../components/BackButton";
import { ThemeButton } from "../../components/ThemeButton";
import { allMilestones, plural } from "../../components/text";
import type { SaveState } from "../editor/useJourneyEditor";

interface Props {
  journey: Journey;
  save: SaveState;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onBack: () => void;
  onNewStage: () => void;
  onNewNote: () => void;
  onExport: () => void;
  onFunnel: () => void;
  onTasks: () => void;
  onMatrices: () => void;
  /** Opens the Value view: value realisation against peers. */
  onValue: () => void;
  onPresent: () => void;
  onHelp: () => void;
}

export function JourneyToolbar({
  journey: j,
  save,
  canUndo,
  canRedo,
  onUndo,
  onRedo,
  onBack,
  onNewStage,
  onNewNote,
  onExport,
  onFunnel,
  onTasks,
  onMatrices,
  onValue,
  onPresent,
  onHelp,
}: Props) {
  return (
    <header className="topbar">
      <BackButton label="Journeys" onBack={onBack} byEscape={false} />
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
            onClick={onUndo}
            disabled={!canUndo}
            title="Undo (Ctrl+Z)"
            aria-label="Undo"
            data-testid="undo"
          >
            ↶
          </button>
          <button
            type="button"
            className="button"
            onClick={onRedo}
            disabled={!canRedo}
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
          onClick={onNewStage}
          title="Add a stage (S)"
          data-testid="add-stage"
        >
          + Stage
        </button>
        <button
          type="button"
          className="button"
          onClick={onNewNote}
          title="Add a sticky note (N)"
          data-testid="add-note"
        >
          + Note
        </button>
        <button
          type="button"
          className="button"
          onClick={onExport}
          title="Export: PDF playbook, journey map image, journey file, CSV (Ctrl+E)"
          data-testid="export-button"
        >
          Export…
        </button>

        <div className="button-group">
          <button
            type="button"
            className="button"
            onClick={onFunnel}
            title="The success funnel of this journey over your customers"
            data-testid="open-funnel"
          >
            Funnel
          </button>
          <button
            type="button"
            className="button"
            onClick={onTasks}
            title="Tasks the playbook's rules create for your team"
            data-testid="open-tasks"
          >
            Tasks
          </button>
          <button
            type="button"
            className="button"
            onClick={onMatrices}
            title="Prioritisation matrices and the priority ranking of your customers"
            data-testid="open-matrices"
          >
            Matrices
          </button>
          <button
            type="button"
            className="button"
            onClick={onValue}
            title="Value realisation: what each customer leaves on the table against its peers"
            data-testid="open-value"
          >
            Value
          </button>
        </div>
        <button
          type="button"
          className="button button-primary"
          onClick={onPresent}
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
          onClick={onHelp}
          title="Shortcuts (?)"
        >
          ?
        </button>
      </div>
    </header>
  );
}
