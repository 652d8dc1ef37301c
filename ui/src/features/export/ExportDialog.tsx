// The Export dialog: the playbook as PDF (its first pages previewed before saving), the
// journey map as an image for slides, the journey file, and the customers as CSV. Each
// is saved through the native dialog, written whole or not at all by the core.
import { useEffect, useRef, useState } from "react";
import type { ExportProgress } from "../../bindings/ExportProgress";
import type { ImageFormat } from "../../bindings/ImageFormat";
import type { MapOptions } from "../../bindings/MapOptions";
import type { Paper } from "../../bindings/Paper";
import type { PlaybookOptions } from "../../bindings/PlaybookOptions";
import type { Preview } from "../../bindings/Preview";
import type { Sections } from "../../bindings/Sections";
import type { Theme } from "../../bindings/Theme";
import { ErrorBanner } from "../../components/ErrorBanner";
import { Tabs } from "../../components/Tabs";
import { useEscape } from "../../components/useEscape";
import { useSingleFlight } from "../../components/useSingleFlight";
import { type AppError, api, toAppError } from "../../ipc";
import { fileStem, stagesInView } from "./files";

export type ExportKind = "pdf" | "image" | "json" | "csv";

const KINDS = [
  { id: "pdf", label: "PDF playbook", testId: "export-kind-pdf" },
  { id: "image", label: "Journey map image", testId: "export-kind-image" },
  { id: "json", label: "Journey file (JSON)", testId: "export-kind-json" },
  { id: "csv", label: "Customers (CSV)", testId: "export-kind-csv" },
];

const SECTION_WORDS: [keyof Sections, string][] = [
  ["glance", "The journey at a glance"],
  ["stages", "A section per stage"],
  ["roles", "Who does what"],
  ["check", "Framework check"],
  ["workshop", "Workshop notes"],
];

export const COMPANY_KEY = "milepost.export.company";
export const PAPER_KEY = "milepost.export.paper";

interface Props {
  journeyId: number;
  journeyName: string;
  /** Whether the workspace has customer data (the numbers, the counts, the CSV). */
  hasData: boolean;
  onClose: () => void;
  /** A file was written: tell the person where. */
  onSaved: (path: string) => void;
}

export function ExportDialog({ journeyId, journeyName, hasData, onClose, onSaved }: Props) {
  const [kind, setKind] = useState<ExportKind>("pdf");
  const [, once] = useSingleFlight();
  const [paper, setPaper] = useState<Paper>(
    () => (localStorage.getItem(PAPER_KEY) as Paper | null) ?? "a4",
  );
  const [company, setCompany] = useState(() => localStorage.getItem(COMPANY_KEY) ?? "");
  const [withData, setWithData] = useState(hasData);
  const [sections, setSections] = useState<Sections>({
    glance: true,
    stages: true,
    roles: true,
    check: true,
    numbers: true,
    workshop: true,
  });
  const [theme, setTheme] = useState<Theme>("light");
  const [area, setArea] = useState<"all" | "view">("all");
  const [format, setFormat] = useState<ImageFormat>("png");
  const [inView] = useState<string[]>(() => stagesInView());
  const [preview, setPreview] = useState<Preview | null>(null);
  const [mapImage, setMapImage] = useState<string | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const saveRef = useRef<HTMLButtonElement>(null);
  // The live numbers may arrive after the dialog opened: include them once they do.
  useEffect(() => {
    if (hasData) setWithData(true);
  }, [hasData]);

  useEscape(() => {
    if (busy) void api.cancelExport();
    else onClose();
  });
  useEffect(() => saveRef.current?.focus(), []);

  const pdfOptions: PlaybookOptions = {
    paper,
    sections,
    company: company.trim() || null,
    as_of: null,
    no_data: !withData,
  };
  const mapOptions: MapOptions = {
    theme,
    stages: area === "view" && inView.length > 0 ? inView : null,
    as_of: null,
    no_data: !withData,
  };
  const pdfKey = JSON.stringify(pdfOptions);
  const mapKey = JSON.stringify(mapOptions);

  // The preview follows the options, a moment after the last change.
  useEffect(() => {
    if (kind !== "pdf" && kind !== "image") return;
    let current = true;
    setPreviewing(true);
    const timer = setTimeout(() => {
      const work =
        kind === "pdf"
          ? api.playbookPreview(journeyId, JSON.parse(pdfKey)).then((p) => {
              if (current) setPreview(p);
            })
          : api.mapPreview(journeyId, JSON.parse(mapKey)).then((url) => {
              if (current) setMapImage(url);
            });
      work
        .catch((e) => current && setError(toAppError(e)))
        .finally(() => current && setPreviewing(false));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [kind, journeyId, pdfKey, mapKey]);

  const save = () => once(saveFile);

  async function saveFile() {
    setError(null);
    const stem = fileStem(journeyName);
    const [name, what, ext] =
      kind === "pdf"
        ? [`${stem}-playbook.pdf`, "PDF", "pdf"]
        : kind === "image"
          ? [`${stem}-map.${format}`, format.toUpperCase(), format]
          : kind === "json"
            ? [`${stem}.json`, "Milepost journey", "json"]
            : [`${stem}-customers.csv`, "CSV", "csv"];
    try {
      const path = await api.pickSavePath(name, what, ext);
      if (!path) return;
      setBusy(true);
      if (kind === "pdf") {
        localStorage.setItem(COMPANY_KEY, company.trim());
        localStorage.setItem(PAPER_KEY, paper);
        await api.exportPlaybook(journeyId, pdfOptions, path, setProgress);
      } else if (kind === "image") {
        await api.exportMap(journeyId, mapOptions, format, path);
      } else if (kind === "json") {
        await api.exportJourneyFile(journeyId, path, withData);
      } else {
        await api.exportCustomersCsv(journeyId, path);
      }
      onSaved(path);
    } catch (e) {
      const err = toAppError(e);
      if (err.code !== "cancelled") setError(err);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  }

  const dataNote = hasData ? null : (
    <p className="export-note">
      The workspace has no customer data yet, so there are no numbers to include.
    </p>
  );

  return (
    <div className="modal-backdrop">
      <div
        className="modal export-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="export-title"
        data-testid="export-dialog"
      >
        <h2 id="export-title">Export “{journeyName}”</h2>
        <Tabs
          label="What to export"
          items={KINDS}
          active={kind}
          onSelect={(id) => setKind(id as ExportKind)}
        />
        {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
        <div className="export-body">
          <div className="export-options">
            {kind === "pdf" && (
              <>
                <label className="field">
                  <span>Company on the cover</span>
                  <input
                    className="input"
                    value={company}
                    placeholder="Your company"
                    onChange={(e) => setCompany(e.target.value)}
                    data-testid="export-company"
                  />
                </label>
                <fieldset className="export-choice">
                  <legend>Paper</legend>
                  {(["a4", "letter"] as Paper[]).map((p) => (
                    <label key={p}>
                      <input
                        type="radio"
                        name="paper"
                        checked={paper === p}
                        onChange={() => setPaper(p)}
                      />{" "}
                      {p === "a4" ? "A4" : "US Letter"}
                    </label>
                  ))}
                </fieldset>
                <fieldset className="export-choice">
                  <legend>Sections</legend>
                  {SECTION_WORDS.map(([key, words]) => (
                    <label key={key}>
                      <input
                        type="checkbox"
                        checked={sections[key]}
                        onChange={(e) => setSections({ ...sections, [key]: e.target.checked })}
                      />{" "}
                      {words}
                    </label>
                  ))}
                </fieldset>
              </>
            )}
            {kind === "image" && (
              <>
                <fieldset className="export-choice">
                  <legend>Area</legend>
                  <label>
                    <input type="radio" checked={area === "all"} onChange={() => setArea("all")} />{" "}
                    The whole journey
                  </label>
                  <label>
                    <input
                      type="radio"
                      checked={area === "view"}
                      disabled={inView.length === 0}
                      onChange={() => setArea("view")}
                    />{" "}
                    The stages in view ({inView.length})
                  </label>
                </fieldset>
                <fieldset className="export-choice">
                  <legend>Theme</legend>
                  {(["light", "dark"] as Theme[]).map((t) => (
                    <label key={t}>
                      <input type="radio" checked={theme === t} onChange={() => setTheme(t)} />{" "}
                      {t === "light" ? "Light" : "Dark"}
                    </label>
                  ))}
                </fieldset>
                <fieldset className="export-choice">
                  <legend>Format</legend>
                  <label>
                    <input
                      type="radio"
                      checked={format === "png"}
                      onChange={() => setFormat("png")}
                    />{" "}
                    PNG at 2× (slides)
                  </label>
                  <label>
                    <input
                      type="radio"
                      checked={format === "svg"}
                      onChange={() => setFormat("svg")}
                    />{" "}
                    SVG (scales to any size)
                  </label>
                </fieldset>
              </>
            )}
            {kind === "json" && (
              <p className="export-note">
                The <code>milepost/journey@1</code> file: import it into any Milepost workspace, or
                read it with your own tools. With the numbers, it also carries an analytics snapshot
                (as-of date, funnel, customers per stage by health, quadrant counts) that import
                ignores.
              </p>
            )}
            {kind === "csv" && (
              <p className="export-note">
                One row per customer: the furthest milestone, when each milestone was reached,
                stage, days in stage, health and its quadrant in every matrix. UTF-8 for Excel;
                cells that a spreadsheet would read as a formula are made safe.
              </p>
            )}
            {kind !== "csv" && (
              <label className="export-check">
                <input
                  type="checkbox"
                  checked={withData}
                  disabled={!hasData}
                  onChange={(e) => setWithData(e.target.checked)}
                  data-testid="export-with-data"
                />{" "}
                {kind === "pdf"
                  ? "The numbers: funnel, health, forecast, matrices, ranking, tasks"
                  : kind === "image"
                    ? "Live counts on the milestones and stages"
                    : "An analytics snapshot of the numbers"}
              </label>
            )}
            {dataNote}
          </div>
          <div className="export-preview" aria-busy={previewing}>
            {kind === "pdf" && preview && (
              <>
                <div className="export-pages">
                  {preview.pages.map((src, i) => (
                    <img key={src.slice(-40)} src={src} alt={`Page ${i + 1}`} />
                  ))}
                </div>
                <p className="export-note" data-testid="export-page-count">
                  {preview.total} pages · first {preview.pages.length} shown
                </p>
              </>
            )}
            {kind === "image" && mapImage && (
              <div className="export-map">
                <img src={mapImage} alt="The journey map" />
              </div>
            )}
            {(kind === "pdf" || kind === "image") && previewing && (
              <p className="export-note">Laying out the preview…</p>
            )}
          </div>
        </div>
        {progress && (
          <div className="export-progress" role="status">
            <progress max={progress.steps} value={progress.step} />
            <span>
              {progress.words} ({progress.step} of {progress.steps})
            </span>
          </div>
        )}
        <div className="modal-actions">
          {busy ? (
            <button type="button" className="button" onClick={() => void api.cancelExport()}>
              Cancel export
            </button>
          ) : (
            <button type="button" className="button" onClick={onClose}>
              Close
            </button>
          )}
          <button
            type="button"
            ref={saveRef}
            className="button button-primary"
            disabled={busy || (kind === "csv" && !hasData)}
            onClick={() => void save()}
            data-testid="export-save"
          >
            {kind === "pdf"
              ? "Save PDF…"
              : kind === "image"
                ? `Save ${format.toUpperCase()}…`
                : kind === "json"
                  ? "Save journey file…"
                  : "Save CSV…"}
          </button>
        </div>
      </div>
    </div>
  );
}
