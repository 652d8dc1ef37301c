import { useCallback, useEffect, useState } from "react";
import { JourneyScreen } from "./features/canvas/JourneyScreen";
import { DataScreen } from "./features/data/DataScreen";
import { HomeScreen } from "./features/home/HomeScreen";
import { api } from "./ipc";

type Screen = { kind: "home" } | { kind: "journey"; id: number } | { kind: "data" };

export function App() {
  const [screen, setScreen] = useState<Screen>({ kind: "home" });
  const goHome = useCallback(() => setScreen({ kind: "home" }), []);
  const openJourney = useCallback((id: number) => setScreen({ kind: "journey", id }), []);
  const openData = useCallback(() => setScreen({ kind: "data" }), []);

  useEffect(() => {
    if (screen.kind === "home") void api.setWindowTitle("Milepost").catch(() => {});
  }, [screen]);

  switch (screen.kind) {
    case "home":
      return <HomeScreen onOpen={openJourney} onOpenData={openData} />;
    case "data":
      return <DataScreen onBack={goHome} />;
    case "journey":
      return <JourneyScreen id={screen.id} onBack={goHome} />;
  }
}
