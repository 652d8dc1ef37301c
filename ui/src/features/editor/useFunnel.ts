// The live success funnel of the journey being edited: recomputed by the core (off the
// main thread) shortly after the milestones or their criteria change, so a workshop sees
// "what if onboarding meant 2 billing cycles?" while typing.
import { useEffect, useMemo, useRef, useState } from "react";
import type { Journey } from "../../bindings/Journey";
import type { LiveNumbers } from "../../bindings/LiveNumbers";
import { api } from "../../ipc";

const DEBOUNCE_MS = 200;

/** What the numbers depend on: the milestones in order and their criteria, and the
 * stages' health rules and the metrics they use. */
export function funnelKey(j: Journey): string {
  return JSON.stringify([
    j.stages.map((s) => [
      s.id,
      s.expected_days,
      s.health,
      s.milestones.map((m) => [m.id, m.criteria]),
    ]),
    j.metrics,
  ]);
}

/** The live numbers of `journey` (stored as `id`, whose data a warehouse may hold). */
export function useFunnel(journey: Journey, id: number | null = null): LiveNumbers | null {
  const [funnel, setFunnel] = useState<LiveNumbers | null>(null);
  const key = useMemo(() => funnelKey(journey), [journey]);
  // The journey as of the key's change; other edits do not recompute.
  // biome-ignore lint/correctness/useExhaustiveDependencies: recompute only when the key changes
  const latest = useMemo(() => journey, [key]);

  // The first numbers are asked for at once: opening a journey waits for nobody's typing.
  const first = useRef(true);

  useEffect(() => {
    let live = true;
    const delay = first.current ? 0 : DEBOUNCE_MS;
    first.current = false;
    const timer = setTimeout(() => {
      api.journeyFunnel(latest, id).then(
        (f) => live && setFunnel(f),
        () => live && setFunnel(null),
      );
    }, delay);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [latest, id]);

  return funnel;
}
