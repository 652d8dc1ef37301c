// The first start: an empty workspace opens on this. The demo workspace is one click to a
// live funnel; each built-in journey shows a picture of its map and when to use it.
import { useEffect, useState } from "react";
import type { DemoProgress } from "../../bindings/DemoProgress";
import type { Template } from "../../bindings/Template";
import { StepProgress } from "../../components/StepProgress";
import { api } from "../../ipc";

interface Props {
  templates: Template[] | null;
  busy: string | null;
  /** What opening the demo is doing, while it runs. */
  demo: DemoProgress | null;
  onOpenDemo: () => void;
  onTemplate: (key: string) => void;
  onBlank: () => void;
  onImport: () => void;
  onOpenData: () => void;
}

// Pictures of the templates' maps, made once a session by the core.
const previews = new Map<string, Promise<string>>();
function preview(key: string): Promise<string> {
  let p = previews.get(key);
  if (!p) {
    p = api.templatePreview(key);
    previews.set(key, p);
  }
  return p;
}

function MapPicture({ templateKey, name }: { templateKey: string; name: string }) {
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    preview(templateKey).then(
      (url) => live && setSrc(url),
      // The journey can still be started; the card says its picture is missing.
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [templateKey]);
  return (
    <div className="welcome-map">
      {src ? (
        <img src={src} alt={`The map of ${name}`} />
      ) : (
        <span className="muted">{failed ? "The map could not be drawn" : "…"}</span>
      )}
    </div>
  );
}

export function Welcome({
  templates,
  busy,
  demo,
  onOpenDemo,
  onTemplate,
  onBlank,
  onImport,
  onOpenData,
}: Props) {
  return (
    <div className="welcome" data-testid="welcome">
      <section className="welcome-demo">
        <div>
          <h2 className="welcome-title">See a live customer journey in a minute</h2>
          <p className="muted">
            The demo workspace is the Billing SaaS journey with 2,000 customers of a software
            company and two years of their usage: the canvas shows who reached each milestone and
            who is red, and the funnel, health, tasks and matrices are one click away.
          </p>
          {demo && <StepProgress progress={demo} />}
        </div>
        <button
          type="button"
          className="button button-primary button-large"
          onClick={onOpenDemo}
          disabled={busy !== null}
          data-testid="open-demo-workspace"
        >
          {busy === "open-demo" ? "Opening the demo…" : "Open the demo workspace"}
        </button>
      </section>

      <h2 className="welcome-heading">Or start from a journey of your own</h2>
      <ul className="welcome-gallery">
        {templates?.map((t) => (
          <li key={t.key}>
            <button
              type="button"
              className="welcome-card"
              data-testid={`template-${t.key}`}
              disabled={busy !== null}
              onClick={() => onTemplate(t.key)}
            >
              <MapPicture templateKey={t.key} name={t.name} />
              <span className="template-name">{t.name}</span>
              <span className="template-summary">{t.summary}</span>
              <span className="template-action">
                {busy === t.key ? "Creating…" : "Use this journey →"}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <div className="welcome-more">
        <button
          type="button"
          className="button"
          data-testid="new-blank"
          onClick={onBlank}
          disabled={busy !== null}
        >
          {busy === "blank" ? "Creating…" : "Blank journey"}
        </button>
        <button type="button" className="button" onClick={onImport} disabled={busy !== null}>
          {busy === "import" ? "Importing…" : "Import journey file…"}
        </button>
        <button type="button" className="button" onClick={onOpenData} data-testid="open-data">
          Import your customer data…
        </button>
      </div>
    </div>
  );
}
