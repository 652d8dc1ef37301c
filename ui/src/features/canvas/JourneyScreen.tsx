import { useEffect, useState } from "react";
import type { StoredJourney } from "../../bindings/StoredJourney";
import { ErrorBanner } from "../../components/ErrorBanner";
import { allMilestones, plural } from "../../components/text";
import { type AppError, api, toAppError } from "../../ipc";
import { JourneyCanvas } from "./JourneyCanvas";

interface Props {
  id: number;
  onBack: () => void;
}

function fileName(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .replace(/\s+/g, "-")
    .toLowerCase();
  return `${slug || "journey"}.json`;
}

export function JourneyScreen({ id, onBack }: Props) {
  const [stored, setStored] = useState<StoredJourney | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.openJourney(id).then(
      (s) => {
        if (!live) return;
        setStored(s);
        void api.setWindowTitle(`${s.journey.name} — Milepost`).catch(() => {});
      },
      (e) => live && setError(toAppError(e)),
    );
    return () => {
      live = false;
    };
  }, [id]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && !document.querySelector(".modal")) onBack();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onBack]);

  async function exportFile() {
    if (!stored) return;
    setError(null);
    try {
      const path = await api.pickExportPath(fileName(stored.journey.name));
      if (!path) return;
      await api.exportJourney(stored.id, path);
      setNotice(`Exported to ${path}`);
    } catch (e) {
      setError(toAppError(e));
    }
  }

  const j = stored?.journey;
  return (
    <div className="journey-screen">
      <header className="topbar">
        <button type="button" className="button button-quiet" onClick={onBack} title="Back (Esc)">
          ← Journeys
        </button>
        <div className="topbar-title">
          <h1 data-testid="journey-title">{j?.name ?? "Opening…"}</h1>
          {j && (
            <span className="topbar-meta">
              {plural(j.stages.length, "stage")} · {plural(allMilestones(j).length, "milestone")} ·{" "}
              {plural(j.activities.length, "play")} · {plural(j.roles.length, "role")} ·{" "}
              {plural(j.metrics.length, "metric")}
            </span>
          )}
        </div>
        <div className="topbar-actions">
          {notice && (
            <span className="notice" role="status">
              {notice}
            </span>
          )}
          <button type="button" className="button" onClick={exportFile} disabled={!stored}>
            Export…
          </button>
        </div>
      </header>
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      <div className="canvas-area">{j && <JourneyCanvas journey={j} />}</div>
    </div>
  );
}
