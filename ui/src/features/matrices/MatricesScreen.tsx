// The Matrices view (seed 004): each of the journey's matrices as a scatter of
// stakeholders or customers, filtered, compared with an earlier date, re-scored live by
// dragging or nudging a point (undoable), and the priority ranking in its own tab.
import { useCallback, useEffect, useState } from "react";
import type { StoredJourney } from "../../bindings/StoredJourney";
import { BackButton } from "../../components/BackButton";
import { ErrorBanner } from "../../components/ErrorBanner";
import { useEscape } from "../../components/useEscape";
import { type AppError, api, toAppError } from "../../ipc";
import { useWarehouseResults } from "../data/useWarehouseResults";
import { useJourneyEditor } from "../editor/useJourneyEditor";
import { DeleteMatrixDialog } from "./DeleteMatrixDialog";
import { MatricesTopbar } from "./MatricesTopbar";
import { type Hover, MatrixPlot } from "./MatrixPlot";
import { MatrixSide } from "./MatrixSide";
import { MatrixTabs } from "./MatrixTabs";
import { MatrixTools } from "./MatrixTools";
import { RankingPanel } from "./RankingPanel";
import { canRescore } from "./rescoring";
import { useMatrixFilters } from "./useMatrixFilters";
import { useMatrixHistory } from "./useMatrixHistory";
import { useMatrixKeys } from "./useMatrixKeys";
import { useMatrixLenses } from "./useMatrixLenses";
import { useMatrixScreen } from "./useMatrixScreen";
import { usePointDetail } from "./usePointDetail";
import { useMovePoint, useRescoring } from "./useRescoring";
import { useShownPoints } from "./useShownPoints";

interface Props {
  id: number;
  name: string;
  onBack: () => void;
}

export function MatricesScreen({ id, name, onBack }: Props) {
  const [stored, setStored] = useState<StoredJourney | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  useEffect(() => {
    api.openJourney(id).then(setStored, (e) => setError(toAppError(e)));
  }, [id]);
  useEscape(onBack, !stored);
  if (!stored)
    return (
      <div className="journey-screen matrices-screen">
        <header className="topbar">
          <BackButton label="Journey" onBack={onBack} />
          <div className="topbar-title">
            <h1>Matrices — {name}</h1>
          </div>
        </header>
        {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      </div>
    );
  return <Matrices stored={stored} onBack={onBack} />;
}

/** Composes the view: state in hooks with one concern each, the pieces in components. */
function Matrices({ stored, onBack }: { stored: StoredJourney; onBack: () => void }) {
  const id = stored.id;
  const warehouse = useWarehouseResults(id);
  const editor = useJourneyEditor(stored.id, stored.journey, stored.revision);
  const { journey, flush } = editor;
  const [tab, setTab] = useState<string>(stored.journey.matrices[0]?.id ?? "ranking");
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [hover, setHover] = useState<Hover>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const onError = useCallback((e: AppError) => setError(e), []);

  const matrix = journey.matrices.find((m) => m.id === tab) ?? null;
  const filters = useMatrixFilters();
  const placed = useMatrixScreen(id, matrix, filters, flush, onError);
  const { visible, counts, shown } = useShownPoints(matrix, placed, filters);
  const pick = usePointDetail(placed.points);
  const rescoring = useRescoring(matrix, placed.setPoints, onError);
  const history = useMatrixHistory(editor, rescoring.apply);
  const move = useMovePoint(matrix, placed.points, history.rescore);
  const { editJourney } = history;
  const lenses = useMatrixLenses({ journey, editJourney, setTab, setEditing, setConfirmDelete });
  const back = () => void flush().then(onBack);
  const draggable = !!matrix && filters.level === "stakeholder" && canRescore(matrix);
  const { screen, customers } = placed;
  const { selected, setSelected, selectedPoint } = pick;

  useMatrixKeys({
    undo: history.undo,
    redo: history.redo,
    matrix,
    draggable,
    selectedPoint,
    move,
    onMatrix: tab !== "ranking",
    selected,
    clearSelected: () => setSelected(null),
    editing,
    stopEditing: () => setEditing(false),
    back,
    dialog: confirmDelete,
  });

  return (
    <div className="journey-screen matrices-screen">
      <MatricesTopbar
        name={journey.name}
        onBack={back}
        placed={
          matrix && screen
            ? {
                shown: visible.length,
                level: filters.level,
                notPlaced: screen.view.not_placed.length,
              }
            : null
        }
        notice={notice}
        history={history}
        warehouse={warehouse}
      />
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {editor.saveState.kind === "failed" && (
        <ErrorBanner error={editor.saveState.error} onDismiss={() => void flush()} />
      )}
      <MatrixTabs journey={journey} tab={tab} onSelect={setTab} onAdd={lenses.add} />
      <main className="funnel-main matrices-main">
        {journey.matrices.length === 0 && tab !== "ranking" && (
          <div className="empty-state data-empty">
            <p className="empty-title">This journey has no matrices</p>
            <p className="muted">
              Every template carries the four lenses of purpose × intent, people, process and
              technology.
            </p>
          </div>
        )}
        {tab === "ranking" && (
          <RankingPanel
            id={id}
            matrices={journey.matrices}
            revision={rescoring.revision}
            onError={onError}
            onNotice={setNotice}
          />
        )}
        {matrix && (
          <>
            <MatrixTools
              filters={filters}
              customers={screen?.customers ?? []}
              editing={editing}
              onToggleEditing={() => setEditing((e) => !e)}
            />
            <div className="matrix-body">
              <MatrixPlot
                matrix={matrix}
                visible={visible}
                shown={shown}
                counts={counts}
                customers={customers}
                loading={placed.loading}
                selected={selected}
                draggable={draggable}
                hover={hover}
                onHover={setHover}
                onSelect={setSelected}
                onMove={move}
              />
              <MatrixSide
                matrix={matrix}
                journey={journey}
                screen={screen}
                customers={customers}
                counts={counts}
                editing={editing}
                draggable={draggable}
                selectedPoint={selectedPoint}
                detail={pick.detail}
                editJourney={editJourney}
                onDelete={() => setConfirmDelete(true)}
              />
            </div>
          </>
        )}
      </main>
      {confirmDelete && matrix && (
        <DeleteMatrixDialog
          journey={journey}
          matrix={matrix}
          onConfirm={() => lenses.remove(matrix)}
          onCancel={() => setConfirmDelete(false)}
        />
      )}
    </div>
  );
}
