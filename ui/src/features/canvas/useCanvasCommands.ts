// What the board adds and writes: a card in a stage's lane, a stage, a sticky note (each
// selected once made), and a note's text typed on the card.
import type { ReactFlowInstance } from "@xyflow/react";
import { type RefObject, useCallback, useMemo } from "react";
import type { Journey } from "../../bindings/Journey";
import {
  addActivity,
  addMetric,
  addMilestone,
  addNote,
  addRole,
  addStage,
  type ItemKind,
  updateNote,
} from "../editor/ops";
import type { JourneyEditor } from "../editor/useJourneyEditor";
import { nodeId, roleNodeId } from "./ids";
import type { CanvasActions } from "./JourneyContext";
import { type CanvasNode, freeNoteSpot, type LaneKey, NOTE_WIDTH } from "./layout";

export interface CanvasCommands {
  /** What the cards on the canvas can do. */
  actions: CanvasActions;
  newStage: () => void;
  newNote: () => void;
}

export function useCanvasCommands(
  j: Journey,
  edit: JourneyEditor["edit"],
  select: (ids: string[]) => void,
  /** Who has the vote: a note written now is theirs. */
  voter: string | null,
  flow: RefObject<ReactFlowInstance<CanvasNode> | null>,
): CanvasCommands {
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
    const [next, made] = addNote(j, at.x, at.y, "yellow", voter ?? undefined);
    edit(() => next, "add");
    select([nodeId("note", made)]);
    // Bring it into view where it landed, at the zoom the person is using.
    const zoom = flow.current?.getZoom() ?? 1;
    void flow.current?.setCenter(at.x + NOTE_WIDTH / 2, at.y + 120, { zoom, duration: 300 });
  }, [j, edit, select, voter, flow]);

  return { actions, newStage, newNote };
}
