// What the cards and the check list say about the journey being edited, asked of the core
// as the journey changes (the core words them once, as the PDF prints them). The last
// answer stays on screen until the next arrives; an answer to an older journey is dropped.
import { useEffect, useRef, useState } from "react";
import type { Journey } from "../../bindings/Journey";
import type { JourneyWords } from "../../bindings/JourneyWords";
import { type AppError, api, toAppError } from "../../ipc";

export function useJourneyWords(j: Journey): {
  words: JourneyWords | null;
  error: AppError | null;
} {
  const [words, setWords] = useState<JourneyWords | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const asked = useRef(0);
  useEffect(() => {
    const n = ++asked.current;
    api.journeyWords(j).then(
      (w) => {
        if (n !== asked.current) return;
        // The same words as before keep the same object: the cards need not draw again.
        setWords((last) => (last && JSON.stringify(last) === JSON.stringify(w) ? last : w));
        setError(null);
      },
      (e) => {
        if (n === asked.current) setError(toAppError(e));
      },
    );
  }, [j]);
  return { words, error };
}
