// The start screen: the journeys, the customer data and new journeys; the welcome when empty.
import { useEffect, useState } from "react";
import { ErrorBanner } from "../../components/ErrorBanner";
import { ThemeButton } from "../../components/ThemeButton";
import type { AppError } from "../../ipc";
import { AboutDialog } from "../workspace/AboutDialog";
import { BackupsDialog } from "../workspace/BackupsDialog";
import { ShowInFolder } from "../workspace/ShowInFolder";
import { DeleteJourneyDialog } from "./DeleteJourneyDialog";
import { DemoPrompt } from "./DemoPrompt";
import { JourneyList } from "./JourneyList";
import { StartColumn } from "./StartColumn";
import { useHomeActions } from "./useHomeActions";
import { useHomeData } from "./useHomeData";
import { Welcome } from "./Welcome";

interface Props {
  onOpen: (id: number) => void;
  onOpenData: () => void;
  /** A backup was restored over the workspace. */
  onRestored: () => void;
  /** The journey file the app was started with could not be opened. */
  startupError?: AppError | null;
}

export function HomeScreen({ onOpen, onOpenData, onRestored, startupError = null }: Props) {
  const [error, setError] = useState<AppError | null>(startupError);
  useEffect(() => {
    if (startupError) setError(startupError);
  }, [startupError]);
  const [backups, setBackups] = useState(false);
  const [about, setAbout] = useState(false);
  const { journeys, templates, dbPath, data, setData, refresh } = useHomeData(setError);
  const actions = useHomeActions({ onOpen, refresh, setData, setError });
  const { busy, toDelete, setToDelete } = actions;
  const noData = data !== null && data.customers.rows === 0;

  return (
    <div className="home">
      <header className="home-header">
        <div className="brand">
          <img src="/icon.png" alt="" className="brand-mark" />
          <div>
            <h1>Milepost</h1>
            <p className="tagline">
              Design the customer journey. Measure every customer against it.
            </p>
          </div>
        </div>
        <ThemeButton />
      </header>

      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}

      {journeys !== null && journeys.length === 0 ? (
        <main className="home-main home-welcome">
          <Welcome
            templates={templates}
            busy={busy}
            demo={actions.demo}
            onOpenDemo={actions.openDemo}
            onTemplate={actions.createFromTemplate}
            onBlank={actions.createBlank}
            onImport={actions.importFile}
            onOpenData={onOpenData}
          />
        </main>
      ) : (
        <main className="home-main">
          <section className="home-journeys" aria-labelledby="journeys-heading">
            <h2 id="journeys-heading">Your journeys</h2>
            {noData && <DemoPrompt busy={busy} demo={actions.demo} onLoadDemo={actions.loadDemo} />}
            {journeys === null ? (
              <p className="muted">Loading…</p>
            ) : (
              <JourneyList journeys={journeys} onOpen={onOpen} onDelete={setToDelete} />
            )}
          </section>
          <StartColumn
            data={data}
            templates={templates}
            busy={busy}
            onOpenData={onOpenData}
            onTemplate={actions.createFromTemplate}
            onBlank={actions.createBlank}
            onImport={actions.importFile}
          />
        </main>
      )}

      <footer className="home-footer muted">
        <span className="home-footer-path">Workspace: {dbPath}</span>
        <ShowInFolder onError={setError} />
        <button
          type="button"
          className="button button-quiet"
          onClick={() => setBackups(true)}
          data-testid="open-backups"
        >
          Backups…
        </button>
        <button
          type="button"
          className="button button-quiet"
          onClick={() => setAbout(true)}
          data-testid="open-about"
        >
          About
        </button>
      </footer>

      {about && <AboutDialog onClose={() => setAbout(false)} />}

      {backups && <BackupsDialog onClose={() => setBackups(false)} onRestored={onRestored} />}

      {toDelete && (
        <DeleteJourneyDialog
          journey={toDelete}
          onConfirm={actions.confirmDelete}
          onCancel={() => setToDelete(null)}
        />
      )}
    </div>
  );
}
