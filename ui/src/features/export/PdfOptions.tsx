// The PDF playbook's options: the company on the cover, the paper, the sections.
import type { Paper } from "../../bindings/Paper";
import type { Sections } from "../../bindings/Sections";
import type { ExportChoices } from "./useExportOptions";

const SECTION_WORDS: [keyof Sections, string][] = [
  ["glance", "The journey at a glance"],
  ["stages", "A section per stage"],
  ["roles", "Who does what"],
  ["check", "Framework check"],
  ["workshop", "Workshop notes"],
];

export function PdfOptions({ choices: c }: { choices: ExportChoices }) {
  return (
    <>
      <label className="field">
        <span>Company on the cover</span>
        <input
          className="input"
          value={c.company}
          placeholder="Your company"
          onChange={(e) => c.setCompany(e.target.value)}
          data-testid="export-company"
        />
      </label>
      <fieldset className="export-choice">
        <legend>Paper</legend>
        {(["a4", "letter"] as Paper[]).map((p) => (
          <label key={p}>
            <input
              type="radio"
              name="paper"
              checked={c.paper === p}
              onChange={() => c.setPaper(p)}
            />{" "}
            {p === "a4" ? "A4" : "US Letter"}
          </label>
        ))}
      </fieldset>
      <fieldset className="export-choice">
        <legend>Sections</legend>
        {SECTION_WORDS.map(([key, words]) => (
          <label key={key}>
            <input
              type="checkbox"
              checked={c.sections[key]}
              onChange={(e) => c.setSections({ ...c.sections, [key]: e.target.checked })}
            />{" "}
            {words}
          </label>
        ))}
      </fieldset>
    </>
  );
}
