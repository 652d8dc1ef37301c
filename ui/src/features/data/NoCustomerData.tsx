// An empty workspace's Customer data view: how to import, or the demo data in one click.
import type { DemoProgress } from "../../bindings/DemoProgress";
import { StepProgress } from "../../components/StepProgress";

interface Props {
  /** What loading the demo data is doing, while it runs. */
  demo: DemoProgress | null;
  onImport: () => void;
  onLoadDemo: () => void;
}

export function NoCustomerData({ demo, onImport, onLoadDemo }: Props) {
  const loadingDemo = demo !== null;
  return (
    <div className="empty-state data-empty">
      <p className="empty-title">No customer data yet</p>
      <p className="muted">
        Import your customers first (a CSV or Excel export from your CRM), then their usage events
        and stakeholders. Columns are matched to Milepost's fields for you to check, and nothing is
        stored until the whole file is clean.
      </p>
      <div className="empty-actions">
        <button type="button" className="button button-primary" onClick={onImport}>
          Import customers…
        </button>
        <button
          type="button"
          className="button"
          disabled={loadingDemo}
          data-testid="load-demo"
          onClick={onLoadDemo}
        >
          {loadingDemo ? "Loading demo data…" : "Load demo data (2,000 customers)"}
        </button>
      </div>
      {demo && <StepProgress progress={demo} />}
    </div>
  );
}
