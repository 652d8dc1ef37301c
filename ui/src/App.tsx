import { lazy, Suspense, useCallback, useEffect, useState } from "react";
import { useDailyWarehouseRefresh } from "./features/data/useDailyWarehouseRefresh";
import { HomeScreen } from "./features/home/HomeScreen";
import { lastScreen, rememberScreen, type Screen } from "./features/workspace/lastScreen";
import { useOpenedFile } from "./features/workspace/useOpenedFile";
import { useWorkspaceStatus } from "./features/workspace/useWorkspaceStatus";
import { WorkspaceProblem } from "./features/workspace/WorkspaceProblem";
import { api } from "./ipc";

// Each view's code (the canvas, the charts, the matrices…) is loaded when it is first
// opened: the JavaScript read before the first paint is the home screen's.
const JourneyScreen = lazy(() =>
  import("./features/canvas/JourneyScreen").then((m) => ({ default: m.JourneyScreen })),
);
const DataScreen = lazy(() =>
  import("./features/data/DataScreen").then((m) => ({ default: m.DataScreen })),
);
const FunnelScreen = lazy(() =>
  import("./features/funnel/FunnelScreen").then((m) => ({ default: m.FunnelScreen })),
);
const TasksScreen = lazy(() =>
  import("./features/funnel/TasksScreen").then((m) => ({ default: m.TasksScreen })),
);
const MatricesScreen = lazy(() =>
  import("./features/matrices/MatricesScreen").then((m) => ({ default: m.MatricesScreen })),
);
const ValueScreen = lazy(() =>
  import("./features/value/ValueScreen").then((m) => ({ default: m.ValueScreen })),
);

export function App() {
  const [screen, setScreen] = useState<Screen>({ kind: "home" });
  const goHome = useCallback(() => setScreen({ kind: "home" }), []);
  const openJourney = useCallback((id: number) => setScreen({ kind: "journey", id }), []);
  const openData = useCallback(() => setScreen({ kind: "data" }), []);
  // A restore or a salvage replaced the workspace: start again from the home screen,
  // mounted anew so nothing shown comes from the workspace as it was.
  const [generation, setGeneration] = useState(0);
  const reopened = useCallback(() => {
    setScreen({ kind: "home" });
    setGeneration((g) => g + 1);
  }, []);
  const { status, checked, recheck } = useWorkspaceStatus();
  const path = status?.path;
  // At start, the view open when the app last closed on this workspace, if its journey is
  // still there; until that is known, the page stays empty rather than flash the home screen.
  const [restored, setRestored] = useState(false);
  useEffect(() => {
    if (!checked || restored) return;
    const last = path === undefined || status?.problem ? null : lastScreen(path);
    const id = last !== null && "id" in last ? last.id : undefined;
    if (last === null || id === undefined) {
      setRestored(true);
      return;
    }
    let live = true;
    api
      .listJourneys()
      .then((journeys) => {
        // A journey opened meanwhile (a double-clicked file) wins.
        if (live && journeys.some((j) => j.id === id))
          setScreen((now) => (now.kind === "home" ? last : now));
      })
      .catch(() => {})
      .finally(() => {
        if (live) setRestored(true);
      });
    return () => {
      live = false;
    };
  }, [checked, restored, path, status?.problem]);
  useEffect(() => {
    if (restored && path !== undefined) rememberScreen(path, screen);
  }, [restored, path, screen]);
  useDailyWarehouseRefresh();
  // Said once; dismissed, it stays away until the next start.
  const [readOnlySeen, setReadOnlySeen] = useState(false);
  const opened = useOpenedFile(openJourney);

  useEffect(() => {
    if (screen.kind === "home") void api.setWindowTitle("Milepost").catch(() => {});
  }, [screen]);

  if (status?.problem) {
    return (
      <WorkspaceProblem
        status={status}
        onResolved={() => {
          reopened();
          void recheck();
        }}
      />
    );
  }

  if (!restored) return <div className="screen-loading" aria-busy="true" />;

  return (
    <>
      <Suspense fallback={<div className="screen-loading" aria-busy="true" />}>
        {renderScreen()}
      </Suspense>
      {status?.read_only && !readOnlySeen && (
        <div className="read-only-notice" role="status">
          <span data-testid="read-only-notice">{status.read_only}</span>
          <button
            type="button"
            className="button button-quiet"
            onClick={() => setReadOnlySeen(true)}
            aria-label="Dismiss"
          >
            ✕
          </button>
        </div>
      )}
    </>
  );

  function renderScreen() {
    switch (screen.kind) {
      case "home":
        return (
          <HomeScreen
            key={generation}
            onOpen={openJourney}
            onOpenData={openData}
            onRestored={reopened}
            startupError={opened.error}
          />
        );
      case "data": {
        // Opened from a journey, Back returns to it.
        const from = screen.from;
        return (
          <DataScreen
            onBack={from === undefined ? goHome : () => setScreen({ kind: "journey", id: from })}
          />
        );
      }
      case "journey": {
        const id = screen.id;
        return (
          <JourneyScreen
            id={id}
            onBack={goHome}
            onFunnel={() => setScreen({ kind: "funnel", id })}
            onTasks={(name) => setScreen({ kind: "tasks", id, name })}
            onMatrices={(name) => setScreen({ kind: "matrices", id, name })}
            onValue={(name) => setScreen({ kind: "value", id, name })}
            onData={() => setScreen({ kind: "data", from: id })}
          />
        );
      }
      case "tasks": {
        const id = screen.id;
        return (
          <TasksScreen
            id={id}
            name={screen.name}
            onBack={() => setScreen({ kind: "journey", id })}
          />
        );
      }
      case "value": {
        const id = screen.id;
        return (
          <ValueScreen
            id={id}
            name={screen.name}
            onBack={() => setScreen({ kind: "journey", id })}
          />
        );
      }
      case "matrices": {
        const id = screen.id;
        return (
          <MatricesScreen
            id={id}
            name={screen.name}
            onBack={() => setScreen({ kind: "journey", id })}
          />
        );
      }
      case "funnel": {
        const id = screen.id;
        return <FunnelScreen id={id} onBack={() => setScreen({ kind: "journey", id })} />;
      }
    }
  }
}
