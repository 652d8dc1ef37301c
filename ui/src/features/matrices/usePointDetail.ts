// The point picked on the matrix, and its customer's details from the core.
import { useEffect, useState } from "react";
import type { CustomerDetail } from "../../bindings/CustomerDetail";
import type { MatrixPoint } from "../../bindings/MatrixPoint";
import { api } from "../../ipc";

export interface PointPick {
  selected: string | null;
  setSelected: (id: string | null) => void;
  /** The picked point as it is now (a re-score moves it), or null. */
  selectedPoint: MatrixPoint | null;
  detail: CustomerDetail | null;
}

export function usePointDetail(points: MatrixPoint[]): PointPick {
  const [selected, setSelected] = useState<string | null>(null);
  const [detail, setDetail] = useState<CustomerDetail | null>(null);
  const selectedPoint = points.find((p) => p.id === selected) ?? null;
  useEffect(() => {
    if (!selectedPoint) {
      setDetail(null);
      return;
    }
    api.customerDetail(selectedPoint.customer_id).then(setDetail, () => setDetail(null));
  }, [selectedPoint?.customer_id, selectedPoint]);
  return { selected, setSelected, selectedPoint, detail };
}
