// A warehouse as the data source: connect one (PostgreSQL, and what speaks its protocol),
// then refresh a journey's results from it — Milepost runs the journey's SQL there and
// reads back a few numbers per customer. The password is asked for and kept only while
// Milepost runs; a failed refresh keeps the results before it on screen, with their time.
import { useCallback, useEffect, useState } from "react";
import type { Connection } from "../../bindings/Connection";
import type { JourneySummary } from "../../bindings/JourneySummary";
import type { WarehouseStatus } from "../../bindings/WarehouseStatus";
import { ErrorBanner } from "../../components/ErrorBanner";
import { count } from "../../components/text";
import { useEscape } from "../../components/useEscape";
import { type AppError, api, toAppError } from "../../ipc";

interface Props {
  journeys: JourneySummary[];
  /** The journey whose results to show and refresh. */
  journey: number | null;
  setJourney: (id: number) => void;
  onClose: () => void;
  /** New results (or none): what is shown from them is stale. */
  onChanged: () => void;
}

/** "events.event=event_name" lines as the connection's column names. */
export function parseColumns(text: string): Record<string, string> {
  const columns: Record<string, string> = {};
  for (const line of text.split(/[\n,]/)) {
    const [ours, yours] = line.split("=").map((part) => part.trim());
    if (ours && yours) columns[ours] = yours;
  }
  return columns;
}

function columnsText(columns: Record<string, string> | undefined): string {
  return Object.entries(columns ?? {})
    .map(([ours, yours]) => `${ours}=${yours}`)
    .join("\n");
}

/** "2026-12-07T23:55:10Z" as "2026-12-07 23:55 UTC". */
function when(at: string): string {
  return `${at.slice(0, 10)} ${at.slice(11, 16)} UTC`;
}

export function WarehouseDialog({ journeys, journey, setJourney, onClose, onChanged }: Props) {
  const [status, setStatus] = useState<WarehouseStatus | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [url, setUrl] = useState("");
  const [password, setPassword] = useState("");
  const [customersTable, setCustomersTable] = useState("");
  const [eventsTable, setEventsTable] = useState("");
  const [columns, setColumns] = useState("");
  const [busy, setBusy] = useState<"connect" | "refresh" | null>(null);
  const [step, setStep] = useState("");
  const [note, setNote] = useState<string | null>(null);
  useEscape(busy ? () => {} : onClose);

  const reload = useCallback(async () => {
    const s = await api.warehouseStatus(journey);
    setStatus(s);
    if (s.connection) {
      setUrl(s.connection.url);
      setCustomersTable(s.connection.customers_table ?? "");
      setEventsTable(s.connection.events_table ?? "");
      setColumns(columnsText(s.connection.columns));
    }
  }, [journey]);

  useEffect(() => {
    reload().catch((e) => setError(toAppError(e)));
  }, [reload]);

  const connection = (): Connection => ({
    url: url.trim(),
    customers_table: customersTable.trim() || undefined,
    events_table: eventsTable.trim() || undefined,
    columns: parseColumns(columns),
  });

  const connect = async () => {
    setBusy("connect");
    setError(null);
    setNote(null);
    try {
      const n = await api.connectWarehouse(connection(), password || null);
      setPassword("");
      setNote(`Connected: the customers table holds ${count(n)} customers.`);
      await reload();
      onChanged();
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(null);
    }
  };

  const refresh = async () => {
    if (journey === null || !status?.connection) return;
    setBusy("refresh");
    setError(null);
    setNote(null);
    setStep("Starting");
    try {
      // After a restart the password is asked again: give it first.
      if (password) {
        await api.connectWarehouse(status.connection, password);
        setPassword("");
      }
      const s = await api.refreshWarehouse(journey, setStep);
      setStatus(s);
      onChanged();
    } catch (e) {
      const err = toAppError(e);
      if (err.code !== "cancelled") setError(err);
      else setNote("Refresh cancelled: the results before it stay.");
      await reload().catch(() => {});
      onChanged();
    } finally {
      setBusy(null);
      setStep("");
    }
  };

  const disconnect = async () => {
    setError(null);
    try {
      await api.disconnectWarehouse();
      setNote("Disconnected: the journeys use the imported files again.");
      await reload();
      onChanged();
    } catch (e) {
      setError(toAppError(e));
    }
  };

  const connected = status?.connection != null;
  const refreshed = status?.refreshed ?? null;

  const passwordField = (
    <label className="field">
      <span className="field-label">
        {connected ? "Password for this session" : "Password"}{" "}
        <span className="field-hint">
          {connected
            ? "(asked each time Milepost starts, never saved; empty if the server asks for none)"
            : "(kept only while Milepost runs, never saved; empty if none is needed)"}
        </span>
      </span>
      <input
        className="input"
        type="password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        disabled={busy !== null}
        autoComplete="off"
        data-testid="warehouse-password"
      />
    </label>
  );

  return (
    <div className="modal-backdrop">
      <div
        className="modal warehouse-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="warehouse-title"
        data-testid="warehouse-dialog"
      >
        <h2 id="warehouse-title">Data in a warehouse</h2>
        <p className="muted">
          Milepost runs each journey's assessment as SQL where the data lives and reads back a few
          numbers per customer. Expose two tables (as views over yours):{" "}
          <code>customers(customer_id, start_date, churn_date, segment, plan, owner, arr)</code> and{" "}
          <code>events(customer_id, ts, event, value, seq)</code>.
        </p>
        {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
        {note && (
          <p className="warehouse-note" data-testid="warehouse-note">
            {note}
          </p>
        )}

        {!connected && (
          <div className="warehouse-form">
            <label className="field">
              <span className="field-label">PostgreSQL URL</span>
              <input
                className="input"
                value={url}
                onChange={(e) => setUrl(e.target.value)}
                placeholder="postgresql://analyst@warehouse.example.com:5432/cs?sslmode=require"
                disabled={busy !== null}
                spellCheck={false}
                data-testid="warehouse-url"
              />
            </label>
            <div className="field-row">
              <label className="field">
                <span className="field-label">Customers table</span>
                <input
                  className="input"
                  value={customersTable}
                  onChange={(e) => setCustomersTable(e.target.value)}
                  placeholder="customers"
                  disabled={busy !== null}
                  spellCheck={false}
                  data-testid="warehouse-customers-table"
                />
              </label>
              <label className="field">
                <span className="field-label">Events table</span>
                <input
                  className="input"
                  value={eventsTable}
                  onChange={(e) => setEventsTable(e.target.value)}
                  placeholder="events"
                  disabled={busy !== null}
                  spellCheck={false}
                  data-testid="warehouse-events-table"
                />
              </label>
            </div>
            <label className="field">
              <span className="field-label">
                Columns named otherwise (one per line: events.event=event_name)
              </span>
              <textarea
                className="input"
                rows={2}
                value={columns}
                onChange={(e) => setColumns(e.target.value)}
                disabled={busy !== null}
                spellCheck={false}
                data-testid="warehouse-columns"
              />
            </label>
          </div>
        )}
        {!connected && <div className="warehouse-form">{passwordField}</div>}
        {connected && (
          <div className="warehouse-status" data-testid="warehouse-status">
            <p>
              Connected to <strong>{status?.at}</strong>, reading{" "}
              <code>{status?.connection?.customers_table ?? "customers"}</code> and{" "}
              <code>{status?.connection?.events_table ?? "events"}</code>
              {columns.trim() && (
                <>
                  {" "}
                  (<code>{columns.trim().split("\n").join(", ")}</code>)
                </>
              )}
              .
            </p>
            <div className="field-row">
              <label className="field">
                <span className="field-label">Journey</span>
                <select
                  className="input"
                  value={journey ?? ""}
                  onChange={(e) => setJourney(Number(e.target.value))}
                  disabled={busy !== null}
                  data-testid="warehouse-journey"
                >
                  {journeys.map((j) => (
                    <option key={j.id} value={j.id}>
                      {j.name}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            {!status?.password_held && passwordField}
            <p data-testid="warehouse-refreshed">
              {refreshed
                ? `Results of ${when(refreshed.at)}: ${count(refreshed.customers)} customers as of ${refreshed.as_of}.`
                : "Not refreshed yet: the journey's views are empty until its first refresh."}
              {refreshed?.stale && " The journey was edited since: refresh to see its numbers."}
            </p>
            {status?.failed && (
              <p className="warehouse-failed" role="alert" data-testid="warehouse-failed">
                The last refresh failed: {status.failed}
                {refreshed ? ` The results of ${when(refreshed.at)} stay on screen.` : ""}
              </p>
            )}
            {busy === "refresh" && (
              <p className="warehouse-step" data-testid="warehouse-step">
                {step}…
              </p>
            )}
          </div>
        )}

        <div className="modal-actions">
          {connected ? (
            <>
              <button
                type="button"
                className="button button-quiet"
                onClick={disconnect}
                disabled={busy !== null}
                data-testid="warehouse-disconnect"
              >
                Use imported files instead
              </button>
              {busy === "refresh" ? (
                <button
                  type="button"
                  className="button"
                  onClick={() => void api.cancelWarehouseRefresh()}
                  data-testid="warehouse-cancel"
                >
                  Cancel
                </button>
              ) : (
                <button
                  type="button"
                  className="button button-primary"
                  onClick={refresh}
                  disabled={busy !== null || journey === null}
                  data-testid="warehouse-refresh"
                >
                  Refresh now
                </button>
              )}
            </>
          ) : (
            <button
              type="button"
              className="button button-primary"
              onClick={connect}
              disabled={busy !== null || url.trim() === ""}
              data-testid="warehouse-connect"
            >
              {busy === "connect" ? "Connecting…" : "Connect"}
            </button>
          )}
          <button
            type="button"
            className="button"
            onClick={onClose}
            disabled={busy !== null}
            data-testid="warehouse-close"
          >
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
