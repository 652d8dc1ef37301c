// The toolbar over a matrix: who is placed, the filters, point size, editing, the compare date.
import type { PointCustomer } from "../../bindings/PointCustomer";
import { HEALTH_WORDS } from "../../components/health";
import { FilterSelect } from "../../components/Tabs";
import type { MatrixFilters, SizeBy } from "./useMatrixFilters";

interface Props {
  filters: MatrixFilters;
  /** Everyone on the matrix: the filters offer what they have. */
  customers: PointCustomer[];
  editing: boolean;
  onToggleEditing: () => void;
}

const distinct = (values: (string | null | undefined)[]) =>
  [...new Set(values.filter((v): v is string => !!v))].sort();

export function MatrixTools({ filters: f, customers: all, editing, onToggleEditing }: Props) {
  return (
    <div className="matrix-tools">
      <fieldset className="segmented" aria-label="Place">
        {(["stakeholder", "customer"] as const).map((l) => (
          <button
            key={l}
            type="button"
            className={f.level === l ? "seg seg-active" : "seg"}
            onClick={() => f.setLevel(l)}
            data-testid={`level-${l}`}
          >
            {l === "stakeholder" ? "Stakeholders" : "Customers"}
          </button>
        ))}
      </fieldset>
      <FilterSelect
        label="Segment"
        value={f.segment}
        onChange={f.setSegment}
        options={distinct(all.map((c) => c.segment))}
      />
      <FilterSelect
        label="Owner"
        value={f.owner}
        onChange={f.setOwner}
        options={distinct(all.map((c) => c.owner))}
      />
      <FilterSelect
        label="Stage"
        value={f.stage}
        onChange={f.setStage}
        options={distinct(all.map((c) => c.stage))}
      />
      <FilterSelect
        label="Health"
        value={f.health}
        onChange={f.setHealth}
        options={(["green", "grey", "red"] as const).map((h) => ({
          value: h,
          label: HEALTH_WORDS[h],
        }))}
      />
      <label className="inline-field">
        Size by{" "}
        <select
          className="select"
          value={f.sizeBy}
          onChange={(e) => f.setSizeBy(e.target.value as SizeBy)}
        >
          <option value="arr">ARR</option>
          <option value="stakeholders">Stakeholders</option>
          <option value="none">Same size</option>
        </select>
      </label>
      <button
        type="button"
        className={editing ? "button button-primary" : "button"}
        onClick={onToggleEditing}
        data-testid="edit-matrix"
      >
        {editing ? "Done" : "Edit matrix"}
      </button>
      <label className="inline-field" title="Show where each point was at the end of this day">
        Compare with{" "}
        <input
          type="date"
          className="date-input"
          value={f.compare}
          onChange={(e) => f.setCompare(e.target.value)}
          data-testid="matrix-compare"
        />
      </label>
    </div>
  );
}
