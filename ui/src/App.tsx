import { useCallback, useEffect, useState } from "react";
import { JourneyScreen } from "./features/canvas/JourneyScreen";
import { DataScreen } from "./features/data/DataScreen";
import { useDailyWarehouseRefresh } from "./features/data/useDailyWarehouseRefresh";
import { FunnelScreen } from "./features/funnel/FunnelScreen";
import { TasksScreen } from "./features/funnel/TasksScreen";
import { HomeScreen } from "./features/home/HomeScreen";
import { MatricesScreen } from "./features/matrices/MatricesScreen";
import { ValueScreen } from "./features/value/ValueScreen";
import { useOpenedFile } from "./features/workspace/useOpenedFile";
import { useWorkspaceStatus } from "./features/workspace/useWorkspaceStatus";
import { WorkspaceProblem } from "./features/workspace/WorkspaceProblem";
import { api } from "./ipc";

type Screen =
  | { kind: "home" }
  | { kind: "journey"; id: number }
  | { kind: "funnel"; id: number }
  | { kind: "tasks"; id: number; name: string }
  | { kind: "matrices"; id: number; name: string }
  | { kind: "value"; id: number; name: string }
  | { kind: "data"; from?: number };

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
  const { status, recheck } = useWorkspaceStatus();
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

  return (
    <>
      {renderScreen()}
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
