// What the person chose for an import: the file, its sheet, the mapping and the options.
import { useState } from "react";
import type { DataTable } from "../../bindings/DataTable";
import type { DateOrder } from "../../bindings/DateOrder";
import { useSingleFlight } from "../../components/useSingleFlight";
import { api } from "../../ipc";

export interface ImportChoices {
  table: DataTable;
  setTable: (table: DataTable) => void;
  path: string;
  setPath: (path: string) => void;
  sheet: string | null;
  setSheet: (sheet: string | null) => void;
  /** Picks the file in the native dialog (one dialog at a time). */
  browse: () => void;
  /** Field → header; "" leaves a field unmapped. */
  mapping: Record<string, string>;
  setMapping: (mapping: Record<string, string>) => void;
  dateOrder: DateOrder;
  setDateOrder: (order: DateOrder) => void;
  wide: boolean;
  setWide: (wide: boolean) => void;
  replace: boolean;
  setReplace: (replace: boolean) => void;
  skipBad: boolean;
  setSkipBad: (skip: boolean) => void;
}

export function useImportChoices(): ImportChoices {
  const [table, setTable] = useState<DataTable>("customers");
  const [, once] = useSingleFlight();
  const [path, setPath] = useState("");
  const [sheet, setSheet] = useState<string | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [dateOrder, setDateOrder] = useState<DateOrder>("auto");
  const [wide, setWide] = useState(false);
  const [replace, setReplace] = useState(false);
  const [skipBad, setSkipBad] = useState(false);

  const browse = () =>
    once(async () => {
      const picked = await api.pickDataFile().catch(() => null);
      if (picked) {
        setPath(picked);
        setSheet(null);
      }
    });

  return {
    table,
    setTable,
    path,
    setPath,
    sheet,
    setSheet,
    browse,
    mapping,
    setMapping,
    dateOrder,
    setDateOrder,
    wide,
    setWide,
    replace,
    setReplace,
    skipBad,
    setSkipBad,
  };
}
