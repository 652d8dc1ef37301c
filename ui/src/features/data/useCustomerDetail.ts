// The customer picked in the table, and their details once the core has them.
import { useEffect, useState } from "react";
import type { CustomerDetail } from "../../bindings/CustomerDetail";
import { type AppError, api, toAppError } from "../../ipc";

export interface PickedCustomer {
  selected: string | null;
  setSelected: (id: string | null) => void;
  detail: CustomerDetail | null;
}

export function useCustomerDetail(onError: (e: AppError) => void): PickedCustomer {
  const [selected, setSelected] = useState<string | null>(null);
  const [detail, setDetail] = useState<CustomerDetail | null>(null);

  useEffect(() => {
    if (!selected) {
      setDetail(null);
      return;
    }
    let live = true;
    api.customerDetail(selected).then(
      (d) => live && setDetail(d),
      (e) => live && onError(toAppError(e)),
    );
    return () => {
      live = false;
    };
  }, [selected, onError]);

  return { selected, setSelected, detail };
}
