// Shown instead of everything else when the workspace cannot be opened: a damaged file
// (restore its newest backup, pick another, or save what can still be read), another
// application's database, or a workspace from a newer Milepost. The file is never written
// to from here except by the restore or salvage the person chooses.
import { useState } from "react";
import type { Salvage } from "../../bindings/Salvage";
import type { WorkspaceStatus } from "../../bindings/WorkspaceStatus";
import { ErrorBanner } from "../../components/ErrorBanner";
import { useSingleFlight } from "../../components/useSingleFlight";
import { type AppError, api, toAppError } from "../../ipc";
import { BackupsDialog } from "./BackupsDialog";

interface Props {
  status: WorkspaceStatus;
  /** The workspace was restored or salvaged: open it again. */
  onResolved: () => void;
}

const TITLES: Partial<Record<string, string>> = {
  damaged: "This workspace is damaged",
  foreign_database: "This file is not a Milepost workspace",
  newer_database: "This workspace is from a newer Milepost",
};

export function WorkspaceProblem({ status, onResolved }: Props) {
  const problem = status.problem;
  const [error, setError] = useState<AppError | null>(null);
  const [choosing, setChoosing] = useState(false);
  const [saved, setSaved] = useState<Salvage | null>(null);
  const [busy, run] = useSingleFlight();
  if (!problem) return null;
  const damaged = problem.code === "damaged";
  const newest = status.newest_backup;

  const restoreNewest = () =>
    run(async () => {
      if (!newest) return;
      try {
        await api.restoreBackup(newest.id);
        onResolved();
      } catch (e) {
        setError(toAppError(e));
      }
    });

  const salvage = () =>
    run(async () => {
      try {
        setSaved(await api.salvageWorkspace());
      } catch (e) {
        setError(toAppError(e));
      }
    });

  return (
    <div className="workspace-problem" data-testid="workspace-problem" data-code={problem.code}>
      <div className="workspace-problem-card">
        <img src="/icon.png" alt="" className="brand-mark" />
        <h1>{TITLES[problem.code] ?? "This workspace cannot be opened"}</h1>
        <p className="workspace-problem-path">{status.path}</p>
        <p className="workspace-problem-message">{problem.message}</p>
        {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
        {saved ? (
          <div className="workspace-problem-saved" data-testid="salvage-report">
            <p>
              What could be read is now the workspace. The damaged file is kept in the backups
              folder.
            </p>
            <ul>
              {saved.tables
                .filter((t) => t.rows > 0 || !t.complete)
                .map((t) => (
                  <li key={t.table}>{t.said}</li>
                ))}
            </ul>
            <div className="workspace-problem-actions">
              <button type="button" className="button button-primary" onClick={onResolved}>
                Open the workspace
              </button>
            </div>
          </div>
        ) : damaged ? (
          <div className="workspace-problem-actions">
            {newest && (
              <button
                type="button"
                className="button button-primary"
                disabled={busy}
                onClick={restoreNewest}
                data-testid="restore-newest"
              >
                Restore the backup of {newest.made}
              </button>
            )}
            {newest && (
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => setChoosing(true)}
              >
                Choose another backup…
              </button>
            )}
            <button
              type="button"
              className={newest ? "button" : "button button-primary"}
              disabled={busy}
              onClick={salvage}
              data-testid="salvage"
            >
              Save what can still be read
            </button>
          </div>
        ) : (
          <p className="muted">
            Start Milepost with another workspace (<code>--db PATH</code> or{" "}
            <code>MILEPOST_DB</code>); this file was not changed.
          </p>
        )}
      </div>
      {choosing && (
        <BackupsDialog damaged onClose={() => setChoosing(false)} onRestored={onResolved} />
      )}
    </div>
  );
}
