// The board's selection and the commands on it: delete (asking first when a stage would
// take cards with it), copy and paste.
import {
  type Dispatch,
  type SetStateAction,
  useCallback,
  useEffect,
  useRef,
  useState,
} from "react";
import type { Journey } from "../../bindings/Journey";
import { plural } from "../../components/text";
import { type Clip, copyItem, pasteItems } from "../editor/clipboard";
import { deleteItem, disconnect, type ItemKind, stageContents } from "../editor/ops";
import type { JourneyEditor } from "../editor/useJourneyEditor";
import { itemOf, supportOf } from "./ids";

/** A question asked before a command that takes more with it than the person picked. */
export interface Confirm {
  title: string;
  body: string;
  label: string;
  run: () => void;
}

export interface Selection {
  /** Selected node and edge ids. */
  selected: Set<string>;
  setSelected: Dispatch<SetStateAction<Set<string>>>;
  select: (ids: string[]) => void;
  /** The journey object selected, when exactly one is. */
  single: { kind: ItemKind; id: string } | null;
  deleteSelection: () => void;
  copySelection: () => void;
  paste: () => void;
  /** Asked before deleting stages that still hold cards; null when nothing is asked. */
  confirm: Confirm | null;
  setConfirm: (confirm: Confirm | null) => void;
}

/** The question before deleting these stages, or null when they hold nothing. */
function stagesQuestion(j: Journey, stageIds: string[], run: () => void): Confirm | null {
  const lost = stageIds.map((id) => stageContents(j, id));
  const total = lost.reduce(
    (a, c) => ({
      milestones: a.milestones + c.milestones,
      activities: a.activities + c.activities,
      metrics: a.metrics + c.metrics,
    }),
    { milestones: 0, activities: 0, metrics: 0 },
  );
  if (stageIds.length === 0 || total.milestones + total.activities + total.metrics === 0)
    return null;
  const names = stageIds.map((id) => `“${j.stages.find((x) => x.id === id)?.name}”`).join(", ");
  return {
    title: `Delete ${stageIds.length === 1 ? "stage" : "stages"} ${names}?`,
    body: `This also deletes ${plural(total.milestones, "milestone")}, ${plural(total.activities, "play")} and ${plural(total.metrics, "metric")} in ${stageIds.length === 1 ? "it" : "them"}. Undo (Ctrl+Z) brings everything back.`,
    label: "Delete",
    run,
  };
}

export function useSelection(j: Journey, edit: JourneyEditor["edit"]): Selection {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirm, setConfirm] = useState<Confirm | null>(null);
  const clipboard = useRef<Clip[]>([]);

  const select = useCallback((ids: string[]) => setSelected(new Set(ids)), []);

  // A note moved to the parking lot leaves the board, and the selection with it: the panel
  // goes back to the journey's, where the parking lot shows it.
  useEffect(() => {
    const parked = [...selected].filter((s) => {
      const item = itemOf(s);
      return item?.kind === "note" && j.notes.some((n) => n.id === item.id && n.parked);
    });
    if (parked.length > 0)
      setSelected((now) => new Set([...now].filter((s) => !parked.includes(s))));
  }, [j, selected]);

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
    const stages = items.filter((i) => i.kind === "stage").map((s) => s.id);
    const question = stagesQuestion(j, stages, run);
    if (question) setConfirm(question);
    else run();
  }, [selected, edit, j]);

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

  const single = selected.size === 1 ? itemOf([...selected][0] as string) : null;

  return {
    selected,
    setSelected,
    select,
    single,
    deleteSelection,
    copySelection,
    paste,
    confirm,
    setConfirm,
  };
}
