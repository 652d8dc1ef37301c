import { useCallback, useEffect, useState } from "react";
import { JourneyScreen } from "./features/canvas/JourneyScreen";
import { HomeScreen } from "./features/home/HomeScreen";
import { api } from "./ipc";

type Screen = { kind: "home" } | { kind: "journey"; id: number };

export function App() {
  const [screen, setScreen] = useState<Screen>({ kind: "home" });
  const goHome = useCallback(() => setScreen({ kind: "home" }), []);
  const openJourney = useCallback((id: number) => setScreen({ kind: "journey", id }), []);

  useEffect(() => {
    if (screen.kind === "home") void api.setWindowTitle("Milepost").catch(() => {});
  }, [screen]);

  return screen.kind === "home" ? (
    <HomeScreen onOpen={openJourney} />
  ) : (
    <JourneyScreen id={screen.id} onBack={goHome} />
  );
}
