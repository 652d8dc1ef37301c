import { createContext, useContext } from "react";
import type { Journey } from "../../bindings/Journey";

export const JourneyContext = createContext<Journey | null>(null);

/** The journey on the canvas, for cards that show names of other objects. */
export function useJourney(): Journey {
  const j = useContext(JourneyContext);
  if (!j) throw new Error("useJourney outside a journey canvas");
  return j;
}
