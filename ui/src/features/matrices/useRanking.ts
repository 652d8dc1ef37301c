// The priority ranking under the chosen weights, asked for again as they or the scores change.
import { type Dispatch, type SetStateAction, useEffect, useState } from "react";
import type { Ranking } from "../../bindings/Ranking";
import { type AppError, api, toAppError } from "../../ipc";

/** Rows drawn; the CSV has them all. */
const ROWS = 150;

export interface RankingWeights {
  weights: Record<string, number>;
  setWeights: Dispatch<SetStateAction<Record<string, number>>>;
  /** How many times a decision maker's scores count. */
  decisionWeight: number;
  setDecisionWeight: (weight: number) => void;
}

export function useRanking(
  id: number,
  revision: number,
  onError: (e: AppError) => void,
): { ranking: Ranking | null } & RankingWeights {
  const [weights, setWeights] = useState<Record<string, number>>({ purpose: 1, intent: 1 });
  const [decisionWeight, setDecisionWeight] = useState(2);
  const [ranking, setRanking] = useState<Ranking | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: revision asks again on purpose
  useEffect(() => {
    let live = true;
    const t = setTimeout(() => {
      api.priorityRanking(id, weights, decisionWeight, ROWS).then(
        (r) => live && setRanking(r),
        (e) => live && onError(toAppError(e)),
      );
    }, 120);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [id, weights, decisionWeight, revision, onError]);

  return { ranking, weights, setWeights, decisionWeight, setDecisionWeight };
}
