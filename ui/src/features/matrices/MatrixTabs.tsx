// The row of matrix tabs and the ranking tab, with the picker that adds a built-in or blank matrix.
import { useEffect, useState } from "react";
import type { Journey } from "../../bindings/Journey";
import type { Matrix } from "../../bindings/Matrix";
import { Tabs } from "../../components/Tabs";
import { api } from "../../ipc";
import { blankMatrix } from "./ops";

interface Props {
  journey: Journey;
  tab: string;
  onSelect: (tab: string) => void;
  onAdd: (m: Matrix) => void;
}

export function MatrixTabs({ journey, tab, onSelect, onAdd }: Props) {
  const [builtins, setBuiltins] = useState<Matrix[]>([]);
  useEffect(() => {
    api.builtinMatrices().then(setBuiltins, () => setBuiltins([]));
  }, []);

  return (
    <div className="tabs-row">
      <Tabs
        label="Matrices"
        active={tab}
        onSelect={onSelect}
        items={[
          ...journey.matrices.map((m) => ({
            id: m.id,
            label: m.name,
            testId: `matrix-tab-${m.id}`,
          })),
          { id: "ranking", label: "Priority ranking", testId: "matrix-tab-ranking" },
        ]}
      />
      <div className="matrix-add">
        <select
          className="select"
          value=""
          aria-label="Add a matrix"
          data-testid="add-matrix"
          onChange={(e) => {
            const pick = e.target.value;
            const lens = builtins.find((m) => m.id === pick);
            if (lens) onAdd(lens);
            else if (pick === "blank") onAdd(blankMatrix());
          }}
        >
          <option value="">+ Matrix…</option>
          {builtins
            .filter((b) => !journey.matrices.some((m) => m.id === b.id))
            .map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          <option value="blank">A blank matrix of your own</option>
        </select>
      </div>
    </div>
  );
}
