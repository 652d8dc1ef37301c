// The board as the editor shows it: editable, with the selection and the check's flags,
// while editing; read-only and on one stage while presenting. Cards changed since a
// version, or voted for, are marked and the rest step back.
import type { ReactFlowInstance } from "@xyflow/react";
import { type RefObject, useCallback } from "react";
import type { Journey } from "../../bindings/Journey";
import type { JourneyWords } from "../../bindings/JourneyWords";
import type { LiveNumbers } from "../../bindings/LiveNumbers";
import type { Theme } from "../../components/theme";
import type { JourneyEditor } from "../editor/useJourneyEditor";
import type { ShownChanges } from "../versions/ChangesBar";
import type { Voting } from "../voting/useVoting";
import { JourneyCanvas } from "./JourneyCanvas";
import type { CanvasActions } from "./JourneyContext";
import type { CanvasNode } from "./layout";
import type { FrameworkCheck } from "./useFrameworkCheck";
import type { Selection } from "./useSelection";

const NOTHING: ReadonlySet<string> = new Set();
const ignore = () => {};

interface Props {
  journey: Journey;
  edit: JourneyEditor["edit"];
  actions: CanvasActions;
  /** The stage presented (by column); null when editing. */
  presenting: number | null;
  selection: Selection;
  check: FrameworkCheck;
  live: LiveNumbers | null;
  words: JourneyWords | null;
  voting: Voting;
  /** A comparison with a version, shown on the canvas. */
  changes: ShownChanges | null;
  theme: Theme;
  /** Where the canvas's React Flow instance is kept, for the commands that move the view. */
  flow: RefObject<ReactFlowInstance<CanvasNode> | null>;
}

export function EditorCanvas({
  journey,
  edit,
  actions,
  presenting,
  selection,
  check,
  live,
  words,
  voting,
  changes,
  theme,
  flow,
}: Props) {
  const keepFlow = useCallback(
    (f: ReactFlowInstance<CanvasNode>) => {
      flow.current = f;
    },
    [flow],
  );
  const editing = presenting === null;
  const marks = changes?.marks ?? voting.marks;
  return (
    <JourneyCanvas
      journey={journey}
      edit={editing ? edit : null}
      actions={editing ? actions : null}
      flagged={editing ? check.flagged : NOTHING}
      live={live}
      selected={editing ? selection.selected : NOTHING}
      onSelectionChange={editing ? selection.setSelected : ignore}
      onReady={keepFlow}
      focusStage={presenting}
      colorMode={theme}
      votes={voting.votes}
      words={words}
      onCardClick={editing ? voting.onCardClick : null}
      marks={marks}
      dimUnmarked={marks != null}
    />
  );
}
