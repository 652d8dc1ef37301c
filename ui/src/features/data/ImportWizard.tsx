// Import customer data: pick a file → preview and map its columns → import with progress
// and Cancel → summary. The import is one transaction in the core: errors, a cancel or a
// crash leave the workspace as it was, and the report says which row and column to fix.
import { useId, useRef, useState } from "react";
import type { DataPreview } from "../../bindings/DataPreview";
import type { DataTable } from "../../bindings/DataTable";
import type { DateOrder } from "../../bindings/DateOrder";
import type { ImportOptions } from "../../bindings/ImportOptions";
import type { ImportOutcome } from "../../bindings/ImportOutcome";
import type { Progress } from "../../bindings/Progress";
import { ErrorBanner } from "../../components/ErrorBanner";
import { count } from "../../components/text";
import { useEscape } from "../../components/useEscape";
import { useSingleFlight } from "../../components/useSingleFlight";
import { type AppError, api, toAppError } from "../../ipc";
import { clock, rate } from "./format";

const TABLES: { key: DataTable; title: string; text: string }[] = [
  {
    key: "customers",
    title: "Customers",
    text: "One row per customer: id, name, segment, plan, ARR, start and churn dates, owner. Other columns are kept.",
  },
  {
    key: "events",
    title: "Usage events",
    text: "One row per event: customer id, time, event name, value. Import customers first.",
  },
  {
    key: "stakeholders",
    title: "Stakeholders",
    text: "People at each customer: name, title, decision maker, scores from 1 to 10.",
  },
];

type Step =
  | { kind: "file" }
  | { kind: "map"; preview: DataPreview }
  | { kind: "run"; progress: Progress | null; cancelling: boolean }
  | { kind: "done"; outcome: ImportOutcome | null };

interface Props {
  onClose: (changed: boolean) => void;
  /** Called as soon as an import is stored, so the screen behind shows the new counts. */
  onImported: () => void;
}

export function ImportWizard({ onClose, onImported }: Props) {
  const [table, setTable] = useState<DataTable>("customers");
  const [, once] = useSingleFlight();
  const [path, setPath] = useState("");
  const [sheet, setSheet] = useState<string | null>(null);
  const [step, setStep] = useState<Step>({ kind: "file" });
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [dateOrder, setDateOrder] = useState<DateOrder>("auto");
  const [wide, setWide] = useState(false);
  const [replace, setReplace] = useState(false);
  const [skipBad, setSkipBad] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [changed, setChanged] = useState(false);
  const pathId = useId();
  const running = step.kind === "run";
  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  // Escape closes the wizard, except while an import runs (Cancel stops that).
  useEscape(() => {
    if (!running) closeRef.current(changed);
  });

  async function loadPreview(chosenSheet: string | null = sheet) {
    setBusy(true);
    setError(null);
    try {
      const preview = await api.previewDataFile(path.trim(), table, chosenSheet);
      setMapping(preview.mapping as Record<string, string>);
      setDateOrder(preview.date_order);
      setWide(preview.looks_wide);
      setStep({ kind: "map", preview });
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  }

  const browse = () =>
    once(async () => {
      const picked = await api.pickDataFile().catch(() => null);
      if (picked) {
        setPath(picked);
        setSheet(null);
      }
    });

  async function run(skipBadRows: boolean) {
    if (step.kind !== "map" && step.kind !== "done") return;
    const preview = step.kind === "map" ? step.preview : null;
    const chosen: Record<string, string> = {};
    // Every field is sent: the empty string tells the core to leave a field unmapped.
    for (const f of preview?.fields ?? []) chosen[f.key] = mapping[f.key] ?? "";
    const options: ImportOptions = {
      table,
      path: path.trim(),
      sheet,
      mapping: preview ? chosen : mapping,
      date_order: dateOrder,
      skip_bad_rows: skipBadRows,
      replace: table === "events" && replace,
      wide: table === "events" && wide,
    };
    setError(null);
    setStep({ kind: "run", progress: null, cancelling: false });
    try {
      const outcome = await api.importData(options, (progress) =>
        setStep((s) => (s.kind === "run" ? { ...s, progress } : s)),
      );
      if (outcome.committed) {
        setChanged(true);
        onImported();
      }
      setStep({ kind: "done", outcome });
    } catch (e) {
      const err = toAppError(e);
      if (err.code === "cancelled") setStep({ kind: "done", outcome: null });
      else {
        setError(err);
        setStep(preview ? { kind: "map", preview } : { kind: "file" });
      }
    }
  }

  const cancel = () => {
    setStep((s) => (s.kind === "run" ? { ...s, cancelling: true } : s));
    void api.cancelImport();
  };

  return (
    <div className="modal-backdrop">
      <div
        className="modal wizard"
        role="dialog"
        aria-modal="true"
        aria-labelledby="wizard-title"
        data-testid="import-wizard"
      >
        <div className="wizard-head">
          <h2 id="wizard-title">Import customer data</h2>
          <ol className="wizard-steps">
            {["File", "Columns", "Import"].map((label, i) => {
              const at = step.kind === "file" ? 0 : step.kind === "map" ? 1 : 2;
              return (
                <li key={label} className={i === at ? "current" : i < at ? "past" : ""}>
                  {label}
                </li>
              );
            })}
          </ol>
        </div>
        {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}

        {step.kind === "file" && (
          <div className="wizard-body">
            <fieldset className="table-choice">
              <legend className="field-label">What does the file hold?</legend>
              {TABLES.map((t) => (
                <label key={t.key} className={table === t.key ? "choice chosen" : "choice"}>
                  <input
                    className="choice-radio"
                    type="radio"
                    name="table"
                    value={t.key}
                    checked={table === t.key}
                    data-testid={`table-${t.key}`}
                    onChange={() => setTable(t.key)}
                  />
                  <span className="choice-title">{t.title}</span>
                  <span className="choice-text">{t.text}</span>
                </label>
              ))}
            </fieldset>
            <div className="field">
              <label htmlFor={pathId}>File (CSV, Excel or OpenDocument)</label>
              <div className="file-row">
                <input
                  id={pathId}
                  className="file-input"
                  type="text"
                  value={path}
                  placeholder="/path/to/export.csv"
                  data-testid="import-path"
                  onChange={(e) => setPath(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === "Enter" && path.trim()) void loadPreview();
                  }}
                />
                <button type="button" className="button" onClick={browse}>
                  Browse…
                </button>
              </div>
            </div>
            <div className="modal-actions">
              <button type="button" className="button" onClick={() => onClose(changed)}>
                Close
              </button>
              <button
                type="button"
                className="button button-primary"
                disabled={!path.trim() || busy}
                data-testid="import-next"
                onClick={() => loadPreview()}
              >
                {busy ? "Reading…" : "Next: columns →"}
              </button>
            </div>
          </div>
        )}

        {step.kind === "map" && (
          <MapStep
            preview={step.preview}
            table={table}
            sheet={sheet}
            mapping={mapping}
            setMapping={setMapping}
            dateOrder={dateOrder}
            setDateOrder={setDateOrder}
            wide={wide}
            setWide={setWide}
            replace={replace}
            setReplace={setReplace}
            skipBad={skipBad}
            setSkipBad={setSkipBad}
            onSheet={(s) => {
              setSheet(s);
              void loadPreview(s);
            }}
            onBack={() => setStep({ kind: "file" })}
            onImport={() => run(skipBad)}
          />
        )}

        {step.kind === "run" && (
          <RunStep progress={step.progress} cancelling={step.cancelling} onCancel={cancel} />
        )}

        {step.kind === "done" && (
          <DoneStep
            outcome={step.outcome}
            onSkipBad={() => run(true)}
            onClose={() => onClose(changed)}
            onAnother={() => {
              setPath("");
              setSheet(null);
              setStep({ kind: "file" });
            }}
          />
        )}
      </div>
    </div>
  );
}

interface MapProps {
  preview: DataPreview;
  table: DataTable;
  sheet: string | null;
  mapping: Record<string, string>;
  setMapping: (m: Record<string, string>) => void;
  dateOrder: DateOrder;
  setDateOrder: (d: DateOrder) => void;
  wide: boolean;
  setWide: (w: boolean) => void;
  replace: boolean;
  setReplace: (r: boolean) => void;
  skipBad: boolean;
  setSkipBad: (s: boolean) => void;
  onSheet: (s: string) => void;
  onBack: () => void;
  onImport: () => void;
}

function MapStep(p: MapProps) {
  const { preview } = p;
  const fields = preview.fields.filter(
    (f) => !(p.wide && (f.key === "event" || f.key === "value")),
  );
  const used = new Set(fields.map((f) => p.mapping[f.key]).filter(Boolean));
  const rest = preview.headers.filter((h) => !used.has(h));
  const missing = fields.filter((f) => f.required && !p.mapping[f.key]);
  const hasDates = fields.some((f) => f.kind === "date" && p.mapping[f.key]);
  return (
    <div className="wizard-body">
      <p className="wizard-format">
        {preview.format}
        {preview.sheets.length > 1 && (
          <>
            {" · "}
            <label>
              Sheet{" "}
              <select
                value={p.sheet ?? preview.sheets[0]}
                onChange={(e) => p.onSheet(e.target.value)}
              >
                {preview.sheets.map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </select>
            </label>
          </>
        )}
      </p>
      <div className="preview-scroll" data-testid="import-preview">
        <table className="preview-table">
          <thead>
            <tr>
              <th className="row-number">Row</th>
              {preview.headers.map((h) => (
                <th key={h} className={used.has(h) ? "mapped" : ""}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.slice(0, 6).map((r) => (
              <tr key={r.number}>
                <td className="row-number">{r.number}</td>
                {r.cells.map((c, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells of one fixed row
                  <td key={i}>{c}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="mapping" data-testid="import-mapping">
        {fields.map((f) => (
          <div className="mapping-row" key={f.key}>
            <div className="mapping-field">
              <span className="mapping-label">
                {f.label}
                {f.required && <span className="required">required</span>}
              </span>
              {f.help && <span className="field-hint">{f.help}</span>}
            </div>
            <select
              className="select"
              value={p.mapping[f.key] ?? ""}
              data-testid={`map-${f.key}`}
              aria-label={`Column for ${f.label}`}
              onChange={(e) => p.setMapping({ ...p.mapping, [f.key]: e.target.value })}
            >
              <option value="">— not imported —</option>
              {preview.headers.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </div>
        ))}
        {rest.length > 0 && (
          <p className="field-hint">
            {p.table === "customers"
              ? `Kept as attributes: ${rest.join(", ")}.`
              : p.wide
                ? `Each becomes an event: ${rest.join(", ")}.`
                : `Not imported: ${rest.join(", ")}.`}
          </p>
        )}
      </div>

      <div className="wizard-options">
        {p.table === "events" && (
          <label className="checkbox">
            <input type="checkbox" checked={p.wide} onChange={(e) => p.setWide(e.target.checked)} />
            Wide file: one row per customer and date, one column per metric (each filled cell
            becomes an event)
          </label>
        )}
        {hasDates && (
          <label className={preview.dates_ambiguous && p.dateOrder === "auto" ? "warn-field" : ""}>
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
            {preview.dates_ambiguous && p.dateOrder === "auto" && (
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

      <div className="modal-actions">
        <button type="button" className="button" onClick={p.onBack}>
          ← Back
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={missing.length > 0}
          title={
            missing.length > 0
              ? `Choose a column for ${missing.map((f) => f.label).join(", ")}`
              : ""
          }
          data-testid="import-run"
          onClick={p.onImport}
        >
          Import
        </button>
      </div>
    </div>
  );
}

function RunStep({
  progress,
  cancelling,
  onCancel,
}: {
  progress: Progress | null;
  cancelling: boolean;
  onCancel: () => void;
}) {
  const r = progress
    ? rate(progress.rows, progress.done, progress.total, progress.seconds)
    : { perSecond: 0, eta: null, fraction: 0 };
  return (
    <div className="wizard-body" data-testid="import-progress">
      <div
        className="progress"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(r.fraction * 100)}
      >
        <div className="progress-fill" style={{ width: `${r.fraction * 100}%` }} />
      </div>
      <p className="progress-text">
        {progress ? (
          <>
            {count(progress.rows)} rows read · {count(r.perSecond)} rows/s
            {r.eta !== null && <> · about {clock(r.eta)} left</>}
          </>
        ) : (
          "Starting…"
        )}
      </p>
      <p className="field-hint">
        Nothing is stored until the whole file has been checked; Cancel leaves your data as it was.
      </p>
      <div className="modal-actions">
        <button
          type="button"
          className="button"
          onClick={onCancel}
          disabled={cancelling}
          data-testid="import-cancel"
        >
          {cancelling ? "Cancelling…" : "Cancel"}
        </button>
      </div>
    </div>
  );
}

function DoneStep({
  outcome,
  onSkipBad,
  onClose,
  onAnother,
}: {
  outcome: ImportOutcome | null;
  onSkipBad: () => void;
  onClose: () => void;
  onAnother: () => void;
}) {
  if (!outcome)
    return (
      <div className="wizard-body">
        <p className="outcome">The import was cancelled. Nothing was changed.</p>
        <div className="modal-actions">
          <button type="button" className="button" onClick={onAnother}>
            Import a file
          </button>
          <button type="button" className="button button-primary" onClick={onClose}>
            Done
          </button>
        </div>
      </div>
    );
  const { report } = outcome;
  return (
    <div className="wizard-body" data-testid="import-summary">
      {outcome.committed ? (
        <p className={outcome.imported > 0 ? "outcome outcome-ok" : "outcome"}>
          {outcome.imported > 0 && "✓ "}
          {outcome.headline}.
        </p>
      ) : (
        <p className="outcome outcome-bad">{outcome.headline}.</p>
      )}
      {report.counts.length > 0 && (
        <div className="report" data-testid="import-report">
          {report.counts.map((c) => (
            <div key={c.kind} className={c.error ? "report-kind report-error" : "report-kind"}>
              <div className="report-title">
                {count(c.count)} × {c.label}
              </div>
              <table className="report-table">
                <tbody>
                  {report.examples
                    .filter((p) => p.kind === c.kind)
                    .map((p) => (
                      <tr key={`${p.row}-${p.column}`}>
                        <td>row {p.row}</td>
                        <td>{p.column}</td>
                        <td className="mono-cell">{p.value || "(empty)"}</td>
                        <td>{p.message}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
          ))}
        </div>
      )}
      <div className="modal-actions">
        <button type="button" className="button" onClick={onAnother}>
          Import another file
        </button>
        {!outcome.committed && (
          <button
            type="button"
            className="button"
            onClick={onSkipBad}
            data-testid="import-skip-bad"
          >
            Import the good rows
          </button>
        )}
        <button
          type="button"
          className="button button-primary"
          onClick={onClose}
          data-testid="import-done"
        >
          Done
        </button>
      </div>
    </div>
  );
}
