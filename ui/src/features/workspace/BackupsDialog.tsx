// The workspace's backups: made before imports, restores and upgrades, once a day, and by
// hand. Restore one (after a confirmation; what it replaces is backed up first, so a
// restore can be undone by restoring that), make one now, open the folder, say how many
// are kept.
import { useCallback, useEffect, useState } from "react";
import type { BackupRow } from "../../bindings/BackupRow";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorBanner } from "../../components/ErrorBanner";
import { useEscape } from "../../components/useEscape";
import { useSingleFlight } from "../../components/useSingleFlight";
import { type AppError, api, toAppError } from "../../ipc";
import { ShowInFolder } from "./ShowInFolder";

interface Props {
  onClose: () => void;
  /** A backup was restored: everything shown from the workspace is stale. */
  onRestored: (kept: BackupRow) => void;
  /** The workspace cannot be opened: only restoring is offered. */
  damaged?: boolean;
}

export function BackupsDialog({ onClose, onRestored, damaged = false }: Props) {
  const [backups, setBackups] = useState<BackupRow[] | null>(null);
  const [keep, setKeep] = useState<number | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [toRestore, setToRestore] = useState<BackupRow | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, run] = useSingleFlight();
  useEscape(toRestore ? () => {} : onClose);

  const reload = useCallback(async () => {
    setBackups(await api.listBackups());
  }, []);

  useEffect(() => {
    reload().catch((e) => setError(toAppError(e)));
    if (!damaged) api.backupKeep().then(setKeep, (e) => setError(toAppError(e)));
  }, [reload, damaged]);

  const backUpNow = () =>
    run(async () => {
      try {
        const made = await api.createBackup();
        setNote(`Backed up (${made.size}).`);
        await reload();
      } catch (e) {
        setError(toAppError(e));
      }
    });

  const restore = (b: BackupRow) =>
    run(async () => {
      setToRestore(null);
      try {
        const kept = await api.restoreBackup(b.id);
        onRestored(kept);
      } catch (e) {
        setError(toAppError(e));
      }
    });

  const changeKeep = (value: number) => {
    if (!Number.isInteger(value) || value < 1) return;
    api.setBackupKeep(value).then(
      (n) => {
        setKeep(n);
        void reload();
      },
      (e) => setError(toAppError(e)),
    );
  };

  return (
    <div className="modal-backdrop">
      <div
        className="modal backups-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="backups-title"
        data-testid="backups-dialog"
      >
        <h2 id="backups-title">Backups</h2>
        <p className="muted">
          Made before every import and restore, before an upgrade, and once a day while Milepost
          runs. Restoring one backs up the workspace as it is first.
        </p>
        {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
        {note && <p className="backups-note">{note}</p>}
        <div className="backups-list" data-testid="backups-list">
          {backups === null ? (
            <p className="muted">Loading…</p>
          ) : backups.length === 0 ? (
            <p className="muted">No backups yet.</p>
          ) : (
            <table className="backups-table">
              <thead>
                <tr>
                  <th className="backup-cell">Made</th>
                  <th className="backup-cell">Why</th>
                  <th className="backup-cell num">Size</th>
                  <th className="backup-cell" />
                </tr>
              </thead>
              <tbody>
                {backups.map((b) => (
                  <tr key={b.id} data-testid="backup-row" data-id={b.id}>
                    <td className="backup-cell">{b.made}</td>
                    <td className="backup-cell">{b.why}</td>
                    <td className="backup-cell num">{b.size}</td>
                    <td className="backup-cell backups-action">
                      {b.restorable && (
                        <button
                          type="button"
                          className="button button-quiet"
                          disabled={busy}
                          onClick={() => setToRestore(b)}
                        >
                          Restore…
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        <div className="modal-actions backups-actions">
          {keep !== null && (
            <label className="backups-keep">
              Keep the newest
              <input
                type="number"
                min={1}
                max={999}
                className="input"
                value={keep}
                onChange={(e) => changeKeep(Number(e.target.value))}
                aria-label="How many backups are kept"
              />
            </label>
          )}
          <ShowInFolder backups label="Open folder" onError={setError} />
          {!damaged && (
            <button type="button" className="button" onClick={backUpNow} disabled={busy}>
              {busy ? "Working…" : "Back up now"}
            </button>
          )}
          <button type="button" className="button button-primary" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
      {toRestore && (
        <ConfirmDialog
          title="Restore this backup?"
          confirmLabel="Restore"
          onConfirm={() => restore(toRestore)}
          onCancel={() => setToRestore(null)}
        >
          <p>
            The workspace goes back to how it was on {toRestore.made} ({toRestore.why}). Its
            journeys and customer data as they are now are backed up first, so you can come back to
            them.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
