// About Milepost: the version, the workspace file (with "Show in folder"), the licence,
// and the third-party software it ships with their licences — generated from what was
// built (scripts/licences.py), so the list is never out of date.
import { useEffect, useState } from "react";
import { ErrorBanner } from "../../components/ErrorBanner";
import { useEscape } from "../../components/useEscape";
import { type AppError, api, toAppError } from "../../ipc";
import { ShowInFolder } from "./ShowInFolder";

interface Group {
  licence: string;
  text: string;
  packages: string[];
}

interface Licences {
  packages: number;
  groups: Group[];
}

export function AboutDialog({ onClose }: { onClose: () => void }) {
  const [about, setAbout] = useState<{ version: string; licence: string; workspace: string }>();
  const [licences, setLicences] = useState<Licences | null | "missing">(null);
  const [error, setError] = useState<AppError | null>(null);
  useEscape(onClose);

  useEffect(() => {
    api.about().then(setAbout, (e) => setError(toAppError(e)));
    fetch("/third-party-licences.json")
      .then((r) => (r.ok ? r.json() : "missing"))
      .then(setLicences, () => setLicences("missing"));
  }, []);

  return (
    <div className="modal-backdrop">
      <div
        className="modal about-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="about-title"
        data-testid="about-dialog"
      >
        <div className="about-head">
          <img src="/icon.png" alt="" className="brand-mark" />
          <div>
            <h2 id="about-title">Milepost</h2>
            <p className="muted" data-testid="about-version">
              Version {about?.version ?? "…"} · {about?.licence ?? ""} licence
            </p>
          </div>
        </div>
        {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
        <div className="about-workspace">
          <span className="muted">Workspace</span>
          <span className="about-path" data-testid="about-workspace">
            {about?.workspace}
          </span>
          <ShowInFolder onError={setError} />
        </div>
        <h3 className="about-subtitle">Third-party software</h3>
        <div className="about-licences" data-testid="about-licences">
          {licences === null ? (
            <p className="muted">Loading…</p>
          ) : licences === "missing" ? (
            <p className="muted">The list of third-party licences was not built into this copy.</p>
          ) : (
            <>
              <p className="muted">
                Milepost is built on {licences.packages.toLocaleString("en-US")} open-source
                packages and the Inter typeface, under these licences.
              </p>
              {licences.groups.map((g) => (
                <LicenceGroup key={`${g.licence}:${g.packages[0]}`} group={g} />
              ))}
            </>
          )}
        </div>
        <div className="modal-actions">
          <button type="button" className="button button-primary" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}

/** One licence text and the packages under it; the text is drawn only when opened. */
function LicenceGroup({ group }: { group: Group }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="licence-group" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <span className="licence-packages">{group.packages.join(", ")}</span>
        <span className="licence-name">{group.licence}</span>
      </summary>
      {open && <pre className="licence-text">{group.text}</pre>}
    </details>
  );
}
