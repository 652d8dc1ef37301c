// The one module that talks to the Rust side. Everything else imports from here, so the
// command names and argument shapes live in one place.
import { Channel, invoke } from "@tauri-apps/api/core";
import { getCurrentWindow } from "@tauri-apps/api/window";
import { open, save } from "@tauri-apps/plugin-dialog";
import type { Analysis } from "../bindings/Analysis";
import type { BackupRow } from "../bindings/BackupRow";
import type { Connection } from "../bindings/Connection";
import type { Criterion } from "../bindings/Criterion";
import type { CustomerDetail } from "../bindings/CustomerDetail";
import type { CustomerRow } from "../bindings/CustomerRow";
import type { CustomerState } from "../bindings/CustomerState";
import type { CommandName } from "../bindings/commands";
import type { DataPreview } from "../bindings/DataPreview";
import type { DataSummary } from "../bindings/DataSummary";
import type { DataTable } from "../bindings/DataTable";
import type { DemoProgress } from "../bindings/DemoProgress";
import type { Diff } from "../bindings/Diff";
import type { ErrorCode } from "../bindings/ErrorCode";
import type { ErrorReport } from "../bindings/ErrorReport";
import type { ExportProgress } from "../bindings/ExportProgress";
import type { Health } from "../bindings/Health";
import type { ImageFormat } from "../bindings/ImageFormat";
import type { ImportOptions } from "../bindings/ImportOptions";
import type { ImportOutcome } from "../bindings/ImportOutcome";
import type { Journey } from "../bindings/Journey";
import type { JourneySummary } from "../bindings/JourneySummary";
import type { JourneyWords } from "../bindings/JourneyWords";
import type { Level } from "../bindings/Level";
import type { LiveNumbers } from "../bindings/LiveNumbers";
import type { MapOptions } from "../bindings/MapOptions";
import type { Matrix } from "../bindings/Matrix";
import type { MatrixScreen } from "../bindings/MatrixScreen";
import type { PlaybookOptions } from "../bindings/PlaybookOptions";
import type { Preview } from "../bindings/Preview";
import type { Progress } from "../bindings/Progress";
import type { Ranking } from "../bindings/Ranking";
import type { Rescore } from "../bindings/Rescore";
import type { Review } from "../bindings/Review";
import type { ReviewOptions } from "../bindings/ReviewOptions";
import type { RoomInfo } from "../bindings/RoomInfo";
import type { RoomVote } from "../bindings/RoomVote";
import type { Salvage } from "../bindings/Salvage";
import type { SaveOutcome } from "../bindings/SaveOutcome";
import type { Span } from "../bindings/Span";
import type { StoredJourney } from "../bindings/StoredJourney";
import type { TaskItem } from "../bindings/TaskItem";
import type { Template } from "../bindings/Template";
import type { ValueReport } from "../bindings/ValueReport";
import type { Version } from "../bindings/Version";
import { DATA_FILE_EXTENSIONS } from "../bindings/vocabulary";
import type { WarehouseStatus } from "../bindings/WarehouseStatus";
import type { WeekLoad } from "../bindings/WeekLoad";
import type { WorkspaceStatus } from "../bindings/WorkspaceStatus";

/** A failed command, with the stable code from the core and words for the person. */
export class AppError extends Error {
  readonly code: ErrorCode;
  /** For a text that does not parse (a criterion), the part that is wrong. */
  readonly span: Span | null;
  constructor(report: ErrorReport) {
    super(report.message);
    this.code = report.code;
    this.span = report.span ?? null;
  }
}

export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  if (typeof e === "object" && e !== null && "code" in e && "message" in e) {
    // Every command fails with an ErrorReport (the core's ErrorCode, generated to TS).
    return new AppError(e as ErrorReport);
  }
  return new AppError({ code: "internal", message: e instanceof Error ? e.message : String(e) });
}

/** The window event sent when a command finds the workspace damaged. */
export const WORKSPACE_DAMAGED = "milepost:workspace-damaged";

/** Invokes a command by its name, which the compiler checks against the shell's list
 * (bindings/commands.ts, generated from src-tauri/src/lib.rs). */
async function call<T>(command: CommandName, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    const error = toAppError(e);
    // Found damaged in the middle of work: the app leaves the screen for the workspace's.
    if (error.code === "damaged") window.dispatchEvent(new CustomEvent(WORKSPACE_DAMAGED));
    throw error;
  }
}

const JOURNEY_FILTER = [{ name: "Milepost journey", extensions: ["json"] }];

/** Asks where to save; null when the person cancels. An app started with `--save-to DIR`
 * saves there under the suggested name without asking. */
async function pickSavePath(
  suggestedName: string,
  kind: string,
  extension: string,
): Promise<string | null> {
  const preset = await call<string | null>("preset_save_path", { name: suggestedName });
  if (preset) return preset;
  return (
    (await save({
      defaultPath: suggestedName,
      filters: [{ name: kind, extensions: [extension] }],
    })) ?? null
  );
}
const DATA_FILTER = [{ name: "Data files", extensions: DATA_FILE_EXTENSIONS }];

export const api = {
  listJourneys: () => call<JourneySummary[]>("list_journeys"),
  openJourney: (id: number) => call<StoredJourney>("open_journey", { id }),
  createFromTemplate: (key: string) => call<number>("create_journey_from_template", { key }),
  createBlank: (name: string) => call<number>("create_blank_journey", { name }),
  importJourney: (path: string) => call<number>("import_journey", { path }),
  /** The journey file the app was started to open (a double-click), once; else null. */
  takeOpenedFile: () => call<string | null>("take_opened_file"),
  deleteJourney: (id: number) => call<void>("delete_journey", { id }),
  /** Autosave: the core writes only the objects that changed. */
  saveJourney: (id: number, journey: Journey) => call<SaveOutcome>("save_journey", { id, journey }),
  reloadJourney: (id: number) => call<StoredJourney>("reload_journey", { id }),
  journeyRevision: (id: number) => call<number>("journey_revision", { id }),
  /** Reads the text form of a criterion; a text that does not parse gives the error
   * (code `invalid_criterion`, with the span that is wrong) rather than throwing. */
  /** What the cards and the check list say about a journey, worded by the core. */
  journeyWords: (journey: Journey) => call<JourneyWords>("journey_words", { journey }),
  async parseCriterion(text: string): Promise<Criterion | AppError> {
    try {
      return await call<Criterion>("parse_criterion", { text });
    } catch (e) {
      const err = toAppError(e);
      if (err.code === "invalid_criterion") return err;
      throw err;
    }
  },
  /** The text form of a criterion, as the core prints it. */
  printCriterion: (criterion: Criterion) => call<string>("print_criterion", { criterion }),
  listTemplates: () => call<Template[]>("list_templates"),
  workspacePath: () => call<string>("workspace_path"),
  /** This copy's version and licence, and the workspace it has open. */
  about: () => call<{ version: string; licence: string; workspace: string }>("about"),
  /** Tells the app a view was first painted (it says so on stderr for `make bench-app`). */
  painted: (what: string) => call<null>("painted", { what }),
  /** Opens the workspace; says why not (damaged, another application's file, newer). */
  workspaceStatus: () => call<WorkspaceStatus>("workspace_status"),
  listBackups: () => call<BackupRow[]>("list_backups"),
  createBackup: () => call<BackupRow>("create_backup"),
  /** Puts a backup in the workspace's place; returns the backup of what it replaced. */
  restoreBackup: (id: string) => call<BackupRow>("restore_backup", { id }),
  /** Saves what can be read of a damaged workspace in its place. */
  salvageWorkspace: () => call<Salvage>("salvage_workspace"),
  backupKeep: () => call<number>("backup_keep"),
  setBackupKeep: (keep: number) => call<number>("set_backup_keep", { keep }),
  /** Shows the backups folder, or the workspace file, in the file manager. */
  showInFolder: (backups: boolean) => call<void>("show_in_folder", { backups }),
  /** The workspace's currency (ISO 4217): the one set, else the computer's locale's. */
  workspaceCurrency: () => call<string>("workspace_currency"),
  setWorkspaceCurrency: (code: string) => call<string>("set_workspace_currency", { code }),

  previewDataFile: (path: string, table: DataTable, sheet: string | null) =>
    call<DataPreview>("preview_data_file", { path, table, sheet }),
  /** Imports in the background; `onProgress` hears about every 100 ms. */
  importData(options: ImportOptions, onProgress: (p: Progress) => void): Promise<ImportOutcome> {
    const channel = new Channel<Progress>();
    channel.onmessage = onProgress;
    return call<ImportOutcome>("import_data", { options, onProgress: channel });
  },
  /** The connected warehouse, and journey `journey`'s last results from it. */
  warehouseStatus: (journey: number | null) =>
    call<WarehouseStatus>("warehouse_status", { journey }),
  /** Checks the tables and keeps the connection (the password only in memory); how many
   * customers the warehouse holds. */
  connectWarehouse: (connection: Connection, password: string | null) =>
    call<number>("connect_warehouse", { connection, password }),
  disconnectWarehouse: () => call<void>("disconnect_warehouse"),
  /** Runs the journey's SQL there; `onProgress` hears what it is doing. */
  refreshWarehouse(journey: number, onProgress: (step: string) => void): Promise<WarehouseStatus> {
    const channel = new Channel<string>();
    channel.onmessage = onProgress;
    return call<WarehouseStatus>("refresh_warehouse", { journey, onProgress: channel });
  },
  /** Refreshes the journeys whose warehouse results are a day old: their ids. */
  refreshDueWarehouse: () => call<number[]>("refresh_due_warehouse"),
  /** Cancels the running refresh; it then rejects with code `cancelled`. */
  cancelWarehouseRefresh: () => call<void>("cancel_warehouse_refresh"),
  /** Stops the running import; it then rejects with code `cancelled`. */
  cancelImport: () => call<void>("cancel_import"),
  dataSummary: () => call<DataSummary>("data_summary"),
  listCustomers: () => call<CustomerRow[]>("list_customers"),
  customerDetail: (id: string) => call<CustomerDetail>("customer_detail", { id }),
  customerState: (journey: number, customer: string) =>
    call<CustomerState | null>("customer_state", { journey, customer }),
  /** The funnel and stage health of the journey as edited; null without customer data. */
  journeyFunnel: (journey: Journey, id: number | null = null) =>
    call<LiveNumbers | null>("journey_funnel", { journey, id }),
  /** The Funnel view of a stored journey; null without customer data. */
  journeyAnalysis: (
    id: number,
    asOf: string | null,
    segment: string | null,
    cohort: string | null,
  ) => call<Analysis | null>("journey_analysis", { id, asOf, segment, cohort }),
  /** Customer id → health colour in a journey (null: no rules there, or churned). */
  customerHealth: (id: number) => call<Record<string, Health | null>>("customer_health", { id }),
  journeyTasks: (id: number, days: number) => call<TaskItem[]>("journey_tasks", { id, days }),
  exportTasksCsv: (id: number, days: number, path: string) =>
    call<void>("export_tasks_csv", { id, days, path }),
  tasksDryRun: (id: number, weeks: number, capacity: Record<string, number>) =>
    call<WeekLoad[]>("tasks_dry_run", { id, weeks, capacity }),
  matrixScreen: (
    id: number,
    matrix: string,
    level: Level,
    filter: { segment: string | null; owner: string | null; compare: string | null },
  ) => call<MatrixScreen | null>("matrix_screen", { id, matrix, level, ...filter }),
  rescore: (change: Rescore) => call<number | null>("rescore", { change }),
  priorityRanking: (
    id: number,
    weights: Record<string, number>,
    decisionWeight: number,
    limit: number,
  ) => call<Ranking>("priority_ranking", { id, weights, decisionWeight, limit }),
  exportPriorityCsv: (
    id: number,
    weights: Record<string, number>,
    decisionWeight: number,
    path: string,
  ) => call<void>("export_priority_csv", { id, weights, decisionWeight, path }),
  builtinMatrices: () => call<Matrix[]>("builtin_matrices"),
  /** Asks where to save a CSV file; null when the person cancels. */
  pickCsvPath: (suggestedName: string) => pickSavePath(suggestedName, "CSV", "csv"),
  /** Asks where to save a file of a kind; null when the person cancels. */
  pickSavePath: (suggestedName: string, kind: string, extension: string) =>
    pickSavePath(suggestedName, kind, extension),

  /** The playbook's first pages as images, and how many pages it has. */
  playbookPreview: (id: number, options: PlaybookOptions) =>
    call<Preview>("playbook_preview", { id, options }),
  /** Writes the playbook PDF; `onProgress` hears each step. Rejects with code
   * `cancelled` after cancelExport, having written nothing. */
  exportPlaybook(
    id: number,
    options: PlaybookOptions,
    path: string,
    onProgress: (p: ExportProgress) => void,
  ): Promise<void> {
    const channel = new Channel<ExportProgress>();
    channel.onmessage = onProgress;
    return call<void>("export_playbook", { id, options, path, onProgress: channel });
  },
  cancelExport: () => call<void>("cancel_export"),
  /** A built-in journey's map as a small PNG data URL. */
  templatePreview: (key: string) => call<string>("template_preview", { key }),
  /** The journey map as a PNG data URL. */
  mapPreview: (id: number, options: MapOptions) => call<string>("map_preview", { id, options }),
  exportMap: (id: number, options: MapOptions, format: ImageFormat, path: string) =>
    call<void>("export_map", { id, options, format, path }),
  /** Writes the journey file; with `withData`, its analytics snapshot too. */
  exportJourneyFile: (id: number, path: string, withData: boolean) =>
    call<void>("export_journey_file", { id, path, withData }),
  /** Saves the journey as it is now as a named version. */
  snapshotJourney: (id: number, name: string, automatic: boolean) =>
    call<Version>("snapshot_journey", { id, name, automatic }),
  journeyVersions: (id: number) => call<Version[]>("journey_versions", { id }),
  journeyVersion: (id: number, version: number) =>
    call<Journey>("journey_version", { id, version }),
  /** A version's journey map as a PNG data URL (the version, read-only). */
  versionMap: (id: number, version: number) => call<string>("version_map", { id, version }),
  /** What changed from version `from` to version `to` (null: the journey now). */
  diffVersions: (id: number, from: number, to: number | null) =>
    call<Diff>("diff_versions", { id, from, to }),
  /** Shares the open voting round with phones in the room; each dot they place arrives
   * through `onVote`. */
  roomStart: (journey: Journey, onVote: (vote: RoomVote) => void) => {
    const channel = new Channel<RoomVote>();
    channel.onmessage = onVote;
    return call<RoomInfo>("room_start", { journey, onVote: channel });
  },
  /** The journey as the editor has it, with the phones' votes applied up to number `seen`,
   * for the phones; a closed round stops the room. */
  roomSync: (journey: Journey, seen: number) => call<void>("room_sync", { journey, seen }),
  roomStop: () => call<void>("room_stop"),
  /** Every active customer's value against its peers, as of the latest event; null without
   * data. `imported`: against the benchmarks imported last; `churned`: the churned customers
   * listed too, marked. */
  journeyValue: (id: number, imported: boolean, churned: boolean) =>
    call<ValueReport | null>("journey_value", { id, imported, churned }),
  /** One customer's value review, worded by the core as its PDF is. */
  valueReview: (id: number, customer: string, imported: boolean) =>
    call<Review>("value_review", { id, customer, imported }),
  /** Writes one customer's value review as PDF. */
  exportValueReview: (
    id: number,
    customer: string,
    imported: boolean,
    options: ReviewOptions,
    path: string,
  ) => call<void>("export_value_review", { id, customer, imported, options, path }),
  /** Writes the value portfolio as CSV, most money left on the table first. */
  exportValueCsv: (id: number, imported: boolean, churned: boolean, path: string) =>
    call<void>("export_value_csv", { id, imported, churned, path }),
  /** Writes the workshop summary as Markdown. */
  exportWorkshopSummary: (id: number, path: string) =>
    call<void>("export_workshop_summary", { id, path }),
  exportCustomersCsv: (id: number, path: string) =>
    call<void>("export_customers_csv", { id, path }),
  /** Fills the workspace with 2,000 demo customers, their events and stakeholders. */
  /** Fills the workspace with the demo data set, saying what it is doing as it goes. */
  loadDemoData: (onProgress?: (p: DemoProgress) => void) => {
    const channel = new Channel<DemoProgress>();
    channel.onmessage = onProgress ?? (() => undefined);
    return call<void>("load_demo_data", { onProgress: channel });
  },

  /** Asks for a CSV or spreadsheet to import; null when the person cancels. */
  async pickDataFile(): Promise<string | null> {
    const picked = await open({ multiple: false, directory: false, filters: DATA_FILTER });
    return typeof picked === "string" ? picked : null;
  },

  /** Asks for a journey file to import; null when the person cancels. */
  async pickJourneyFile(): Promise<string | null> {
    const picked = await open({ multiple: false, directory: false, filters: JOURNEY_FILTER });
    return typeof picked === "string" ? picked : null;
  },

  /** Runs `work` (e.g. a last save) before the window closes. */
  async beforeWindowCloses(work: () => Promise<void>): Promise<() => void> {
    return getCurrentWindow().onCloseRequested(async () => {
      await work();
    });
  },

  async setFullscreen(on: boolean): Promise<void> {
    await getCurrentWindow().setFullscreen(on);
  },

  async setWindowTitle(title: string): Promise<void> {
    document.title = title;
    await getCurrentWindow().setTitle(title);
  },
};
