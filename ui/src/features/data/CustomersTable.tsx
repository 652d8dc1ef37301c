// The customers table: search, sort by any column, and smooth scrolling through tens of
// thousands of rows (only the rows in view are in the page).
import { useLayoutEffect, useMemo, useRef, useState } from "react";
import type { CustomerRow } from "../../bindings/CustomerRow";
import type { Health } from "../../bindings/Health";
import { count } from "../../components/text";

const ROW_HEIGHT = 38;
const OVERSCAN = 8;

type Key = keyof CustomerRow;
const COLUMNS: { key: Key; label: string; numeric?: boolean; width: string }[] = [
  { key: "id", label: "Id", width: "100px" },
  { key: "name", label: "Name", width: "minmax(180px, 2fr)" },
  { key: "segment", label: "Segment", width: "minmax(72px, 1fr)" },
  { key: "plan", label: "Plan", width: "minmax(64px, 1fr)" },
  { key: "owner", label: "Owner", width: "minmax(90px, 1fr)" },
  { key: "arr", label: "ARR", numeric: true, width: "84px" },
  { key: "start_date", label: "Started", width: "90px" },
  { key: "churn_date", label: "Churned", width: "90px" },
  { key: "events", label: "Events", numeric: true, width: "60px" },
];
const GRID = COLUMNS.map((c) => c.width).join(" ");

/** Customers matching the search (id, name, segment, plan, owner), sorted. */
export function filterAndSort(
  rows: CustomerRow[],
  search: string,
  sort: { key: Key; desc: boolean },
): CustomerRow[] {
  const q = search.trim().toLowerCase();
  const hit = (r: CustomerRow) =>
    !q || [r.id, r.name, r.segment, r.plan, r.owner].some((v) => v?.toLowerCase().includes(q));
  const value = (r: CustomerRow) => r[sort.key];
  const out = rows.filter(hit);
  out.sort((a, b) => {
    const x = value(a);
    const y = value(b);
    // Empty values sort last either way.
    if (x == null || x === "") return y == null || y === "" ? 0 : 1;
    if (y == null || y === "") return -1;
    const c =
      typeof x === "number" && typeof y === "number"
        ? x - y
        : String(x).localeCompare(String(y), undefined, { numeric: true });
    return sort.desc ? -c : c;
  });
  return out;
}

interface Props {
  rows: CustomerRow[];
  selected: string | null;
  onSelect: (id: string) => void;
  /** Health colour per customer id, in the chosen journey. */
  health?: Record<string, Health | null> | null;
  /** Extra controls for the toolbar above the table. */
  tools?: React.ReactNode;
}

export function CustomersTable({ rows, selected, onSelect, health = null, tools }: Props) {
  const [search, setSearch] = useState("");
  const [sort, setSort] = useState<{ key: Key; desc: boolean }>({ key: "id", desc: false });
  const [top, setTop] = useState(0);
  const [height, setHeight] = useState(600);
  const body = useRef<HTMLDivElement>(null);
  const shown = useMemo(() => filterAndSort(rows, search, sort), [rows, search, sort]);

  // The visible height decides how many rows are in the page; it follows the window.
  useLayoutEffect(() => {
    const el = body.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    setHeight(el.clientHeight);
    return () => observer.disconnect();
  }, []);

  const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(shown.length, Math.ceil((top + height) / ROW_HEIGHT) + OVERSCAN);

  const sortBy = (key: Key) =>
    setSort((s) => (s.key === key ? { key, desc: !s.desc } : { key, desc: false }));

  return (
    <div className="customers">
      <div className="customers-tools">
        <input
          type="search"
          className="search"
          placeholder="Search id, name, segment, plan, owner…"
          value={search}
          data-testid="customer-search"
          onChange={(e) => {
            setSearch(e.target.value);
            body.current?.scrollTo({ top: 0 });
          }}
        />
        <span className="muted customer-count" data-testid="customer-count">
          {shown.length === rows.length
            ? `${count(rows.length)} customers`
            : `${count(shown.length)} of ${count(rows.length)} customers`}
        </span>
        {tools}
      </div>
      <div className="table-head" style={{ gridTemplateColumns: GRID }}>
        {COLUMNS.map((c) => (
          <button
            type="button"
            key={c.key}
            className={c.numeric ? "th numeric" : "th"}
            onClick={() => sortBy(c.key)}
            title={`Sort by ${c.label.toLowerCase()}`}
          >
            {c.label}
            {sort.key === c.key && <span className="sort-mark">{sort.desc ? " ▼" : " ▲"}</span>}
          </button>
        ))}
      </div>
      <div
        className="table-body"
        ref={body}
        data-testid="customer-rows"
        onScroll={(e) => setTop(e.currentTarget.scrollTop)}
      >
        <div style={{ height: shown.length * ROW_HEIGHT, position: "relative" }}>
          {shown.slice(first, last).map((r, i) => (
            <button
              type="button"
              key={r.id}
              className={r.id === selected ? "tr selected" : "tr"}
              style={{
                gridTemplateColumns: GRID,
                top: (first + i) * ROW_HEIGHT,
                height: ROW_HEIGHT,
              }}
              data-testid="customer-row"
              onClick={() => onSelect(r.id)}
            >
              <span className="mono-cell">
                {health && (
                  <span
                    className={`health-dot health-dot-${health[r.id] ?? "none"}`}
                    title={health[r.id] ?? "No health rules in this stage, or churned"}
                    data-testid="customer-health"
                  />
                )}{" "}
                {r.id}
              </span>
              <span>{r.name}</span>
              <span>{r.segment}</span>
              <span>{r.plan}</span>
              <span>{r.owner}</span>
              <span className="numeric">{r.arr_text ?? ""}</span>
              <span>{r.start_date}</span>
              <span className={r.churn_date ? "churned" : ""}>{r.churn_date}</span>
              <span className="numeric">{count(r.events)}</span>
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
