// The import wizard's options: wide events file, date order, replace events, skip bad rows.
import type { DateOrder } from "../../bindings/DateOrder";
import type { ImportChoices } from "./useImportChoices";

interface Props {
  choices: ImportChoices;
  /** A date field is mapped, so the date order matters. */
  hasDates: boolean;
  /** The file's dates could be day-first or month-first. */
  datesAmbiguous: boolean;
}

export function ImportSwitches({ choices: p, hasDates, datesAmbiguous }: Props) {
  return (
    <div className="wizard-options">
      {p.table === "events" && (
        <label className="checkbox">
          <input type="checkbox" checked={p.wide} onChange={(e) => p.setWide(e.target.checked)} />
          Wide file: one row per customer and date, one column per metric (each filled cell becomes
          an event)
        </label>
      )}
      {hasDates && (
        <label className={datesAmbiguous && p.dateOrder === "auto" ? "warn-field" : ""}>
          Dates like 01/02/2025 are{" "}
          <select
            className="select"
            value={p.dateOrder}
            data-testid="date-order"
            onChange={(e) => p.setDateOrder(e.target.value as DateOrder)}
          >
            <option value="auto">decided from the file</option>
            <option value="dmy">day/month/year</option>
            <option value="mdy">month/day/year</option>
          </select>
          {datesAmbiguous && p.dateOrder === "auto" && (
            <span> — this file's dates could be either: please choose.</span>
          )}
        </label>
      )}
      {p.table === "events" && (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={p.replace}
            onChange={(e) => p.setReplace(e.target.checked)}
          />
          Replace all stored events (otherwise they are added to; repeats are never doubled)
        </label>
      )}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={p.skipBad}
          onChange={(e) => p.setSkipBad(e.target.checked)}
        />
        Skip bad rows and import the rest (otherwise any error imports nothing)
      </label>
    </div>
  );
}
