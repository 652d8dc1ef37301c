// The priority ranking: a slider per score weight, every customer ranked with its quadrant
// in each matrix and the support it gets, how stable the top ten is, and a CSV.
import type { Matrix } from "../../bindings/Matrix";
import type { AppError } from "../../ipc";
import { RankingTable } from "./RankingTable";
import { RankingWeights } from "./RankingWeights";
import { useRanking } from "./useRanking";
import { useRankingCsv } from "./useRankingCsv";

interface Props {
  id: number;
  matrices: Matrix[];
  /** Changes whenever a score changes, so the ranking is asked for again. */
  revision: number;
  onError: (e: AppError) => void;
  onNotice: (text: string) => void;
}

export function RankingPanel({ id, matrices, revision, onError, onNotice }: Props) {
  const { ranking, ...weights } = useRanking(id, revision, onError);
  const exportCsv = useRankingCsv(id, weights.weights, weights.decisionWeight, onNotice, onError);

  return (
    <div className="ranking" data-testid="ranking">
      <RankingWeights ranking={ranking} {...weights} />
      <RankingTable ranking={ranking} matrices={matrices} onExport={exportCsv} />
    </div>
  );
}
