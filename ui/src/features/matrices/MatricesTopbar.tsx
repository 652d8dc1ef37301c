// The Matrices view's top bar: back, the title with how many are placed, notices, undo and redo.
import type { Level } from "../../bindings/Level";
import type { WarehouseStatus } from "../../bindings/WarehouseStatus";
import { BackButton } from "../../components/BackButton";
import { ThemeButton } from "../../components/ThemeButton";
import { count } from "../../components/text";
import { warehouseWords } from "../data/useWarehouseResults";
import type { MatrixHistory } from "./useMatrixHistory";

interface Props {
  name: string;
  onBack: () => void;
  /** How many points are placed and not, once a matrix's points are known. */
  placed: { shown: number; level: Level; notPlaced: number } | null;
  notice: string | null;
  history: MatrixHistory;
  /** The warehouse the customers' values come from, when one is connected. */
  warehouse: WarehouseStatus | null;
}

export function MatricesTopbar({ name, onBack, placed, notice, history, warehouse }: Props) {
  const { stack } = history;
  return (
    <header className="topbar">
      <BackButton label="Journey" onBack={onBack} />
      <div className="topbar-title">
        <h1>Matrices — {name}</h1>
        {placed && (
          <span className="data-meta" data-testid="matrix-meta">
            {count(placed.shown)} {placed.level === "stakeholder" ? "stakeholders" : "customers"}{" "}
            placed
            {placed.notPlaced > 0 && ` · ${count(placed.notPlaced)} not placed`}
            {warehouse && ` · ${warehouseWords(warehouse)}`}
          </span>
        )}
      </div>
      <div className="topbar-actions">
        {notice && <span className="notice">{notice}</span>}
        <button
          type="button"
          className="button"
          onClick={history.undo}
          disabled={stack.past.length === 0}
          title={`Undo ${stack.past[stack.past.length - 1]?.label ?? ""} (Ctrl+Z)`}
          data-testid="matrix-undo"
        >
          Undo
        </button>
        <button
          type="button"
          className="button"
          onClick={history.redo}
          disabled={stack.future.length === 0}
          title="Redo (Ctrl+Shift+Z)"
        >
          Redo
        </button>
        <ThemeButton />
      </div>
    </header>
  );
}
