// An empty workspace's Customer data view: how to import, or the demo data in one click.
import type { DemoProgress } from "../../bindings/DemoProgress";
import { StepProgress } from "../../components/StepProgress";

interface Props {
  /** What loading the demo data is doing, while it runs. */
  demo: DemoProgress | null;
  onImport: () => void;
  onLoadDemo: () => void;
  onWarehouse: () => void;
  /** Where the connected warehouse is, when the journeys are assessed there. */
  warehouseAt: string | null;
}

export function NoCustomerData({ demo, onImport, onLoadDemo, onWarehouse, warehouseAt }: Props) {
  const loadingDemo = demo !== null;
  if (warehouseAt !== null) {
    return (
      <div className="empty-state data-empty" data-testid="warehouse-source">
        <p className="empty-title">The journeys are assessed in the warehouse</p>
        <p className="muted">
          Their customers and events stay in {warehouseAt}: Milepost runs each journey's SQL there
          and reads back a few numbers per customer. Refresh a journey to see its funnel, health,
          matrices and value; they refresh once a day while Milepost runs.
        </p>
        <div className="empty-actions">
          <button type="button" className="button button-primary" onClick={onWarehouse}>
            Warehouse…
          </button>
        </div>
      </div>
    );
  }
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
        <button type="button" className="button" onClick={onWarehouse} data-testid="open-warehouse">
          Data in a warehouse…
        </button>
      </div>
      {demo && <StepProgress progress={demo} />}
    </div>
  );
}
