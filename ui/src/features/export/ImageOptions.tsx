// The map image's options: the whole journey or the stages in view, the theme, PNG or SVG.
import type { Theme } from "../../bindings/Theme";
import type { ExportChoices } from "./useExportOptions";

export function ImageOptions({ choices: c }: { choices: ExportChoices }) {
  return (
    <>
      <fieldset className="export-choice">
        <legend>Area</legend>
        <label>
          <input type="radio" checked={c.area === "all"} onChange={() => c.setArea("all")} /> The
          whole journey
        </label>
        <label>
          <input
            type="radio"
            checked={c.area === "view"}
            disabled={c.inView.length === 0}
            onChange={() => c.setArea("view")}
          />{" "}
          The stages in view ({c.inView.length})
        </label>
      </fieldset>
      <fieldset className="export-choice">
        <legend>Theme</legend>
        {(["light", "dark"] as Theme[]).map((t) => (
          <label key={t}>
            <input type="radio" checked={c.theme === t} onChange={() => c.setTheme(t)} />{" "}
            {t === "light" ? "Light" : "Dark"}
          </label>
        ))}
      </fieldset>
      <fieldset className="export-choice">
        <legend>Format</legend>
        <label>
          <input type="radio" checked={c.format === "png"} onChange={() => c.setFormat("png")} />{" "}
          PNG at 2× (slides)
        </label>
        <label>
          <input type="radio" checked={c.format === "svg"} onChange={() => c.setFormat("svg")} />{" "}
          SVG (scales to any size)
        </label>
      </fieldset>
    </>
  );
}
