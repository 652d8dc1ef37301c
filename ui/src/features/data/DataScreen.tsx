// The workspace's customer data: what is loaded, the customers table and one customer's
// timeline, and the import wizard.
import { useEffect, useState } from "react";
import { ErrorBanner } from "../../components/ErrorBanner";
import { useEscape } from "../../components/useEscape";
import { type AppError, api, toAppError } from "../../ipc";
import { CustomerPanel } from "./CustomerPanel";
import { CustomersTable } from "./CustomersTable";
import { DataTopbar } from "./DataTopbar";
import { HealthJourneySelect } from "./HealthJourneySelect";
import { ImportWizard } from "./ImportWizard";
import { NoCustomerData } from "./NoCustomerData";
import { useCustomerData } from "./useCustomerData";
import { useCustomerDetail } from "./useCustomerDetail";
import { useCustomerHealth } from "./useCustomerHealth";
import { useImportShortcut } from "./useImportShortcut";
import { WarehouseDialog } from "./WarehouseDialog";

interface Props {
  onBack: () => void;
}

export function DataScreen({ onBack }: Props) {
  const [wizard, setWizard] = useState(false);
  const [warehouse, setWarehouse] = useState(false);
  // Where the journeys' data comes from: a warehouse when one is connected.
  const [warehouseAt, setWarehouseAt] = useState<string | null>(null);
  useEffect(() => {
    if (warehouse) return;
    api.warehouseStatus(null).then(
      (s) => setWarehouseAt(s.connection ? (s.at ?? "") : null),
      (e) => setError(toAppError(e)),
    );
  }, [warehouse]);
  const [error, setError] = useState<AppError | null>(null);
  const { summary, customers, refresh, demo, loadDemo } = useCustomerData(setError);
  const { journeys, healthOf, setHealthOf, health, recolour } = useCustomerHealth(
    customers,
    setError,
  );
  const { selected, setSelected, detail } = useCustomerDetail(setError);

  // Escape closes the customer panel, then leaves the screen (the wizard takes it while open).
  useEscape(() => {
    if (warehouse) return;
    if (selected) setSelected(null);
    else onBack();
  });
  useImportShortcut(wizard, setWizard);

  return (
    <div className="journey-screen data-screen">
      <DataTopbar
        summary={summary}
        onImport={() => setWizard(true)}
        onWarehouse={() => setWarehouse(true)}
        warehouseAt={warehouseAt}
        onBack={onBack}
      />
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}

      <main className="data-main">
        {customers === null ? (
          <p className="muted data-empty">Loading…</p>
        ) : customers.length === 0 ? (
          <NoCustomerData
            demo={demo}
            onImport={() => setWizard(true)}
            onLoadDemo={loadDemo}
            onWarehouse={() => setWarehouse(true)}
            warehouseAt={warehouseAt}
          />
        ) : (
          <>
            <CustomersTable
              rows={customers}
              selected={selected}
              onSelect={setSelected}
              health={health}
              tools={
                journeys.length > 0 && (
                  <HealthJourneySelect
                    journeys={journeys}
                    healthOf={healthOf}
                    setHealthOf={setHealthOf}
                  />
                )
              }
            />
            {detail && (
              <CustomerPanel
                detail={detail}
                journey={journeys.find((j) => j.id === healthOf) ?? null}
                onClose={() => setSelected(null)}
                onError={setError}
              />
            )}
          </>
        )}
      </main>

      {warehouse && (
        <WarehouseDialog
          journeys={journeys}
          journey={healthOf}
          setJourney={setHealthOf}
          onClose={() => setWarehouse(false)}
          onChanged={recolour}
        />
      )}
      {wizard && (
        <ImportWizard
          onClose={(changed) => {
            setWizard(false);
            if (changed) void refresh();
          }}
          onImported={() => void refresh()}
        />
      )}
    </div>
  );
}
