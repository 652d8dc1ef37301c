// The import wizard's steps and the work between them: preview, import, cancel, again.
import { useState } from "react";
import type { DataPreview } from "../../bindings/DataPreview";
import type { ImportOptions } from "../../bindings/ImportOptions";
import type { ImportOutcome } from "../../bindings/ImportOutcome";
import type { Progress } from "../../bindings/Progress";
import { type AppError, api, toAppError } from "../../ipc";
import type { ImportChoices } from "./useImportChoices";

export type Step =
  | { kind: "file" }
  | { kind: "map"; preview: DataPreview }
  | { kind: "run"; progress: Progress | null; cancelling: boolean }
  | { kind: "done"; outcome: ImportOutcome | null };

export interface ImportSteps {
  step: Step;
  setStep: (step: Step) => void;
  error: AppError | null;
  setError: (error: AppError | null) => void;
  /** Reading the preview. */
  busy: boolean;
  /** Something was imported since the wizard opened. */
  changed: boolean;
  /** Reads the file's first rows and the automatic mapping (of the sheet given). */
  loadPreview: (chosenSheet?: string | null) => Promise<void>;
  run: (skipBadRows: boolean) => Promise<void>;
  cancel: () => void;
  /** Back to the first step with no file chosen. */
  another: () => void;
}

export function useImportSteps(choices: ImportChoices, onImported: () => void): ImportSteps {
  const { table, path, setPath, sheet, setSheet, mapping, setMapping } = choices;
  const { dateOrder, setDateOrder, wide, setWide, replace } = choices;
  const [step, setStep] = useState<Step>({ kind: "file" });
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [changed, setChanged] = useState(false);

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

  const another = () => {
    setPath("");
    setSheet(null);
    setStep({ kind: "file" });
  };

  return { step, setStep, error, setError, busy, changed, loadPreview, run, cancel, another };
}
