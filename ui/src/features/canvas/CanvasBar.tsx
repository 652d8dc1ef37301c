// The strip under the canvas: zoom, fit, the minimap on request, and what the health
// colours mean. It sits below the board rather than over it, so no control or map ever
// hides a card or a lane's name.
import { MiniMap, useReactFlow, useStore } from "@xyflow/react";
import { useEffect, useState } from "react";
import { HEALTH_WORDS } from "../../components/health";
import { FIT_EVENT, fitReadable } from "./fit";
import type { CanvasNode } from "./layout";

const MINIMAP_COLORS: Partial<Record<string, string>> = {
  milestone: "#0f766e",
  activity: "#4338ca",
  role: "#b45309",
  metric: "#be123c",
  stage: "#1f3a5f",
  note: "#f2c14e",
};

// Module-level so the minimap does not redraw all its nodes on every render.
function minimapColor(n: { type?: string }): string {
  return MINIMAP_COLORS[n.type ?? ""] ?? "transparent";
}

const MAP_KEY = "milepost.minimap";
/** How long Fit's move takes, in ms. */
const FIT_MS = 200;

export function CanvasBar({ showHealth, stages }: { showHealth: boolean; stages: number }) {
  const flow = useReactFlow<CanvasNode>();
  const zoom = useStore((s) => s.transform[2]);
  // After Fit: how many stages are in view, said until the board is zoomed away from the
  // fit's zoom (the fit's own animation passes through other zooms on its way there).
  const [fitted, setFitted] = useState<{ inView: number; zoom: number; until: number } | null>(
    null,
  );
  useEffect(() => {
    const fit = () => {
      const { inView, zoom } = fitReadable(flow, stages, FIT_MS);
      setFitted({ inView, zoom, until: performance.now() + FIT_MS + 100 });
    };
    document.addEventListener(FIT_EVENT, fit);
    return () => document.removeEventListener(FIT_EVENT, fit);
  }, [flow, stages]);
  useEffect(() => {
    setFitted((f) =>
      f && performance.now() > f.until && Math.abs(f.zoom - zoom) > 0.001 ? null : f,
    );
  }, [zoom]);
  const more = fitted ? stages - fitted.inView : 0;
  const [map, setMap] = useState(() => localStorage.getItem(MAP_KEY) === "on");
  const toggleMap = () => {
    setMap((on) => {
      localStorage.setItem(MAP_KEY, on ? "off" : "on");
      return !on;
    });
  };
  return (
    <div className={map ? "canvas-bar canvas-bar-map" : "canvas-bar"} data-testid="canvas-bar">
      <div className="canvas-bar-tools">
        <button
          type="button"
          className="button button-quiet"
          onClick={() => void flow.zoomOut({ duration: 150 })}
          aria-label="Zoom out"
          title="Zoom out (Ctrl −)"
        >
          −
        </button>
        <span className="zoom-level" data-testid="zoom-level">
          {Math.round(zoom * 100)}%
        </span>
        <button
          type="button"
          className="button button-quiet"
          onClick={() => void flow.zoomIn({ duration: 150 })}
          aria-label="Zoom in"
          title="Zoom in (Ctrl +)"
        >
          +
        </button>
        <button
          type="button"
          className="button button-quiet"
          onClick={() => document.dispatchEvent(new Event(FIT_EVENT))}
          title="Fit the stages at a readable size (F)"
        >
          Fit
        </button>
        {fitted && more > 0 && (
          <span className="fit-note" data-testid="fit-note">
            {fitted.inView} of {stages} stages in view — scroll for {more} more
          </span>
        )}
        <button
          type="button"
          className={map ? "button button-quiet toggled" : "button button-quiet"}
          onClick={toggleMap}
          aria-pressed={map}
          title="Show or hide the map of the board"
          data-testid="toggle-map"
        >
          Map
        </button>
        {showHealth && (
          <span className="health-legend" data-testid="health-legend">
            {(["green", "grey", "red"] as const).map((c) => (
              <span key={c} className="health-legend-item">
                <span className={`health-dot health-dot-${c}`} />
                {HEALTH_WORDS[c]}
              </span>
            ))}
          </span>
        )}
      </div>
      {map && (
        <MiniMap
          pannable
          zoomable
          nodeColor={minimapColor}
          nodeStrokeWidth={0}
          maskColor="rgba(15, 23, 42, 0.08)"
          ariaLabel="Map of the board"
        />
      )}
    </div>
  );
}
