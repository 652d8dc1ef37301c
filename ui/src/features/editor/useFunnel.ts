// The live success funnel of the journey being edited: recomputed by the core (off the
// main thread) shortly after the milestones or their criteria change, so a workshop sees
// "what if onboarding meant 2 billing cycles?" while typing.
import { useEffect, useMemo, useState } from "react";
import type { Funnel } from "../../bindings/Funnel";
import type { Journey } from "../../bindings/Journey";
import { api } from "../../ipc";

const DEBOUNCE_MS = 200;

/** What the funnel depends on: the milestones in order and their criteria. */
export function funnelKey(j: Journey): string {
  return JSON.stringify(j.stages.map((s) => s.milestones.map((m) => [m.id, m.criteria])));
}

export function useFunnel(journey: Journey): Funnel | null {
  const [funnel, setFunnel] = useState<Funnel | null>(null);
  const key = useMemo(() => funnelKey(journey), [journey]);
  // The journey as of the key's change; other edits do not recompute.
  // biome-ignore lint/correctness/useExhaustiveDependencies: recompute only when the key changes
  const latest = useMemo(() => journey, [key]);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      api.journeyFunnel(latest).then(
        (f) => live && setFunnel(f),
        () => live && setFunnel(null),
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [latest]);

  return funnel;
}
