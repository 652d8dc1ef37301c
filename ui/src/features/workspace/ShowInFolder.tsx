import { type AppError, api, toAppError } from "../../ipc";

/** "Show in folder": the workspace file (or, with `backups`, its backups folder) in the
 * system's file manager. */
export function ShowInFolder({
  backups = false,
  label = "Show in folder",
  onError,
}: {
  backups?: boolean;
  label?: string;
  onError: (e: AppError) => void;
}) {
  return (
    <button
      type="button"
      className={backups ? "button" : "button button-quiet"}
      onClick={() => api.showInFolder(backups).catch((e) => onError(toAppError(e)))}
    >
      {label}
    </button>
  );
}
