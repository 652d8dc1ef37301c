// The start screen's side column: the customer data, then a journey from a template or file.
import type { DataSummary } from "../../bindings/DataSummary";
import type { Template } from "../../bindings/Template";
import { plural } from "../../components/text";

interface Props {
  data: DataSummary | null;
  templates: Template[] | null;
  busy: string | null;
  onOpenData: () => void;
  onTemplate: (key: string) => void;
  onBlank: () => void;
  onImport: () => void;
}

export function StartColumn({
  data,
  templates,
  busy,
  onOpenData,
  onTemplate,
  onBlank,
  onImport,
}: Props) {
  return (
    <aside className="home-start" aria-labelledby="start-heading">
      {/* The customer data first: at 1280×800 it is in view without scrolling. */}
      <h2 className="home-data-heading home-data-first">Customer data</h2>
      <button type="button" className="data-card" onClick={onOpenData} data-testid="open-data">
        <span className="template-name">
          {data && data.customers.rows > 0
            ? `${plural(data.customers.rows, "customer")} · ${plural(data.events.rows, "event")}`
            : "No customer data yet"}
        </span>
        <span className="template-summary">
          Import customers, usage events and stakeholders from CSV or Excel to measure them against
          your journeys.
        </span>
        <span className="template-action">Open customer data →</span>
      </button>
      <h2 id="start-heading">Start a journey</h2>
      {templates && (
        <>
          <ul className="template-list">
            {templates.map((t) => (
              <li key={t.key}>
                <button
                  type="button"
                  className="template-card"
                  data-testid={`template-${t.key}`}
                  disabled={busy !== null}
                  onClick={() => onTemplate(t.key)}
                >
                  <span className="template-name">{t.name}</span>
                  <span className="template-summary">{t.summary}</span>
                  <span className="template-action">
                    {busy === t.key ? "Creating…" : "New from template →"}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="button button-wide"
            data-testid="new-blank"
            onClick={onBlank}
            disabled={busy !== null}
          >
            {busy === "blank" ? "Creating…" : "Blank journey"}
          </button>
          <button
            type="button"
            className="button button-wide"
            onClick={onImport}
            disabled={busy !== null}
          >
            {busy === "import" ? "Importing…" : "Import journey file…"}
          </button>
        </>
      )}
    </aside>
  );
}
