import { createContext, useContext } from "react";
import type { Journey } from "../../bindings/Journey";
import type { JourneyWords } from "../../bindings/JourneyWords";
import type { CardTally } from "../voting/rules";
import type { LaneKey } from "./layout";

export interface CanvasActions {
  /** Adds a card to a stage's lane and selects it. */
  add: (lane: LaneKey, stageId: string) => void;
  /** Changes a sticky note's text. */
  setNoteText: (id: string, text: string) => void;
}

export interface CanvasContextValue {
  journey: Journey;
  /** Absent when the canvas is read-only (presenting). */
  actions: CanvasActions | null;
  /** Dots on the cards in the round shown, by node id; null when none is shown. */
  votes: ReadonlyMap<string, CardTally> | null;
  /** The core's words for the cards (triggers, health rules); null until the first answer. */
  words: JourneyWords | null;
}

export const JourneyContext = createContext<CanvasContextValue | null>(null);

function useCanvasContext(): CanvasContextValue {
  const value = useContext(JourneyContext);
  if (!value) throw new Error("used outside a journey canvas");
  return value;
}

/** The journey on the canvas, for cards that show names of other objects. */
export function useJourney(): Journey {
  return useCanvasContext().journey;
}

export function useCanvasActions(): CanvasActions | null {
  return useCanvasContext().actions;
}

/** The dots on one card (node id) in the round shown, if any. */
export function useVotes(nodeId: string): CardTally | null {
  return useCanvasContext().votes?.get(nodeId) ?? null;
}

/** The core's words for the cards on the canvas, once they have arrived. */
export function useCardWords(): JourneyWords | null {
  return useCanvasContext().words;
}
