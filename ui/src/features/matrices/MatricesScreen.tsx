// The Matrices view (seed 004): each of the journey's matrices as a scatter of
// stakeholders or customers, filtered, compared with an earlier date, re-scored live by
// dragging or nudging a point (undoable), and the priority ranking in its own tab.
import { useCallback, useEffect, useMemo, useState } from "react";
import type { CustomerDetail } from "../../bindings/CustomerDetail";
import type { Journey } from "../../bindings/Journey";
import type { Level } from "../../bindings/Level";
import type { Matrix } from "../../bindings/Matrix";
import type { MatrixPoint } from "../../bindings/MatrixPoint";
import type { MatrixScreen } from "../../bindings/MatrixScreen";
import type { PointCustomer } from "../../bindings/PointCustomer";
import type { StoredJourney } from "../../bindings/StoredJourney";
import { SCORES, SUPPORTS } from "../../bindings/vocabulary";
import { BackButton } from "../../components/BackButton";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorBanner } from "../../components/ErrorBanner";
import { HEALTH_WORDS } from "../../components/health";
import { FilterSelect, Tabs } from "../../components/Tabs";
import { ThemeButton } from "../../components/ThemeButton";
import { count } from "../../components/text";
import { useEscape } from "../../components/useEscape";
import { type AppError, api, toAppError } from "../../ipc";
import { COALESCE_MS } from "../editor/history";
import { useJourneyEditor } from "../editor/useJourneyEditor";
import { MatrixCanvas, type ShownPoint } from "./MatrixCanvas";
import { MatrixEditor } from "./MatrixEditor";
import { addMatrix, blankMatrix, playsOf, removeMatrix, replaceMatrix } from "./ops";
import { CORNERS } from "./quadrants";
import { RankingPanel } from "./RankingPanel";
import {
  applyEdits,
  canRescore,
  EMPTY,
  editsFor,
  record,
  redone,
  type ScoreEdit,
  type Stack,
  undone,
} from "./rescoring";
import { clampTo, countCorners, radiusFor } from "./scatter";

interface Props {
  id: number;
  name: string;
  onBack: () => void;
}

type SizeBy = "arr" | "stakeholders" | "none";

const distinct = (values: (string | null | undefined)[]) =>
  [...new Set(values.filter((v): v is string => !!v))].sort();

export function MatricesScreen({ id, name, onBack }: Props) {
  const [stored, setStored] = useState<StoredJourney | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  useEffect(() => {
    api.openJourney(id).then(setStored, (e) => setError(toAppError(e)));
  }, [id]);
  useEscape(onBack, !stored);
  if (!stored)
    return (
      <div className="journey-screen matrices-screen">
        <header className="topbar">
          <BackButton label="Journey" onBack={onBack} />
          <div className="topbar-title">
            <h1>Matrices — {name}</h1>
          </div>
        </header>
        {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      </div>
    );
  return <Matrices stored={stored} onBack={onBack} />;
}

function Matrices({ stored, onBack }: { stored: StoredJourney; onBack: () => void }) {
  const id = stored.id;
  const editor = useJourneyEditor(stored.id, stored.journey, stored.revision);
  const journey = editor.journey;
  const name = journey.name;
  const [tab, setTab] = useState<string>(stored.journey.matrices[0]?.id ?? "ranking");
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [builtins, setBuiltins] = useState<Matrix[]>([]);
  const [level, setLevel] = useState<Level>("stakeholder");
  const [segment, setSegment] = useState("");
  const [owner, setOwner] = useState("");
  const [stage, setStage] = useState("");
  const [health, setHealth] = useState("");
  const [compare, setCompare] = useState("");
  const [sizeBy, setSizeBy] = useState<SizeBy>("arr");
  const [screen, setScreen] = useState<MatrixScreen | null>(null);
  const [points, setPoints] = useState<MatrixPoint[]>([]);
  const [loading, setLoading] = useState(true);
  const [stack, setStack] = useState<Stack>(EMPTY);
  const [revision, setRevision] = useState(0);
  const [hover, setHover] = useState<{ i: number; x: number; y: number } | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [detail, setDetail] = useState<CustomerDetail | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const onError = useCallback((e: AppError) => setError(e), []);

  useEffect(() => {
    api.builtinMatrices().then(setBuiltins, () => setBuiltins([]));
  }, []);

  const matrix = journey.matrices.find((m) => m.id === tab) ?? null;
  const { flush } = editor;

  // The core places the points from the saved journey: an edit of the matrix is saved
  // first, and typing is let settle for a moment before the points are asked for again.
  useEffect(() => {
    if (!matrix) return;
    let live = true;
    setLoading(true);
    const t = setTimeout(() => {
      flush()
        .then(() =>
          api.matrixScreen(id, matrix.id, level, {
            segment: segment || null,
            owner: owner || null,
            compare: compare || null,
          }),
        )
        .then(
          (s) => {
            if (!live) return;
            setScreen(s);
            setPoints(s?.view.points ?? []);
            setLoading(false);
          },
          (e) => live && setError(toAppError(e)),
        );
    }, 150);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [id, matrix, level, segment, owner, compare, flush]);

  const customers = useMemo(
    () => new Map<string, PointCustomer>(screen?.customers.map((c) => [c.id, c]) ?? []),
    [screen],
  );
  const before = useMemo(
    () => new Map(screen?.before?.points.map((p) => [p.id, p]) ?? []),
    [screen],
  );

  // Stage and health filter on screen, at once; segment and owner ask the core.
  const visible = useMemo(
    () =>
      !stage && !health
        ? points
        : points.filter((p) => {
            const c = customers.get(p.customer_id);
            return (!stage || c?.stage === stage) && (!health || c?.health === health);
          }),
    [points, customers, stage, health],
  );
  const counts = useMemo(
    () =>
      matrix
        ? countCorners(matrix, visible)
        : { top_left: 0, top_right: 0, bottom_left: 0, bottom_right: 0 },
    [matrix, visible],
  );
  // The size a point stands for, and the largest, over everyone on the matrix: stable
  // while points are re-scored, so a nudge does not re-measure 60,000 points.
  const sizeOf = useCallback(
    (p: MatrixPoint) =>
      sizeBy === "arr"
        ? (customers.get(p.customer_id)?.arr ?? null)
        : sizeBy === "stakeholders"
          ? p.stakeholders
          : null,
    [sizeBy, customers],
  );
  const largest = useMemo(() => {
    let most = 0;
    for (const p of screen?.view.points ?? []) most = Math.max(most, sizeOf(p) ?? 0);
    return most;
  }, [screen, sizeOf]);
  // Each point drawn as it was last time unless it changed: a re-score rebuilds one. A
  // new cache whenever what a drawing depends on changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the dependencies are the key
  const drawn = useMemo(() => new WeakMap<MatrixPoint, ShownPoint>(), [largest, sizeOf, before]);
  const shown: ShownPoint[] = useMemo(
    () =>
      visible.map((p) => {
        const known = drawn.get(p);
        if (known) return known;
        const was = before.get(p.id);
        const s: ShownPoint = {
          id: p.id,
          x: p.x,
          y: p.y,
          corner: p.corner,
          r: sizeBy === "none" ? 5 : radiusFor(sizeOf(p), largest, 3, 13),
          was: was && (was.x !== p.x || was.y !== p.y) ? { x: was.x, y: was.y } : undefined,
        };
        drawn.set(p, s);
        return s;
      }),
    [visible, drawn, before, sizeBy, sizeOf, largest],
  );

  const selectedPoint = points.find((p) => p.id === selected) ?? null;
  useEffect(() => {
    if (!selectedPoint) {
      setDetail(null);
      return;
    }
    api.customerDetail(selectedPoint.customer_id).then(setDetail, () => setDetail(null));
  }, [selectedPoint?.customer_id, selectedPoint]);

  /** Saves edits (or their undo) and shows them at once. */
  const apply = useCallback(
    async (edits: ScoreEdit[], undo: boolean) => {
      if (!matrix || edits.length === 0) return;
      setPoints((ps) => applyEdits(matrix, ps, edits, undo));
      try {
        for (const e of edits) {
          await api.rescore({
            customer_id: e.customer_id,
            stakeholder: e.stakeholder,
            field: e.field,
            value: undo ? e.before : e.after,
          });
        }
        setRevision((r) => r + 1);
      } catch (err) {
        setPoints((ps) => applyEdits(matrix, ps, edits, !undo));
        setError(toAppError(err));
      }
    },
    [matrix],
  );

  const move = useCallback(
    (pointId: string, x: number, y: number) => {
      const p = points.find((q) => q.id === pointId);
      if (!matrix || !p) return;
      const edits = editsFor(matrix, p, x, y);
      if (edits.length === 0) return;
      setStack((s) => record(s, { kind: "scores", label: `Re-score ${p.name}`, edits }));
      void apply(edits, false);
    },
    [points, matrix, apply],
  );
  /** An edit of the journey (a matrix's definition), in the same history as re-scores. */
  const editJourney = useCallback(
    (change: (j: Journey) => Journey, label: string) => {
      editor.edit(change, label);
      setStack((s) => record(s, { kind: "journey", label, at: Date.now() }, COALESCE_MS));
    },
    [editor],
  );
  const undo = useCallback(() => {
    const [next, step] = undone(stack);
    setStack(next);
    if (step?.kind === "scores") void apply(step.edits, true);
    if (step?.kind === "journey") editor.undo();
  }, [stack, apply, editor]);
  const redo = useCallback(() => {
    const [next, step] = redone(stack);
    setStack(next);
    if (step?.kind === "scores") void apply(step.edits, false);
    if (step?.kind === "journey") editor.redo();
  }, [stack, apply, editor]);

  const addLens = (m: Matrix) => {
    let added = "";
    editJourney((j) => {
      const [next, newId] = addMatrix(j, m);
      added = newId;
      return next;
    }, `add-matrix:${m.id}`);
    setTab(added || m.id);
    setEditing(m.id === "matrix");
  };
  const back = () => void flush().then(onBack);

  const draggable = !!matrix && level === "stakeholder" && canRescore(matrix);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && ["INPUT", "SELECT", "TEXTAREA"].includes(target.tagName)) return;
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key.toLowerCase() === "z") {
        e.preventDefault();
        if (e.shiftKey) redo();
        else undo();
        return;
      }
      if (mod && e.key.toLowerCase() === "y") {
        e.preventDefault();
        redo();
        return;
      }
      if (!draggable || !matrix || !selectedPoint) return;
      const step = e.shiftKey ? 0.1 : 0.5;
      const d: Record<string, [number, number]> = {
        ArrowLeft: [-step, 0],
        ArrowRight: [step, 0],
        ArrowUp: [0, step],
        ArrowDown: [0, -step],
      };
      const by = d[e.key];
      if (!by) return;
      e.preventDefault();
      move(
        selectedPoint.id,
        clampTo(matrix.x, selectedPoint.x + by[0]),
        clampTo(matrix.y, selectedPoint.y + by[1]),
      );
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [undo, redo, move, draggable, matrix, selectedPoint]);

  // Escape clears what can be seen: a point picked on the matrix shown, the matrix's
  // editor; else it goes back. On the ranking no point is shown, so a point picked
  // earlier never swallows the first Escape.
  const onMatrix = tab !== "ranking";
  useEscape(
    onMatrix && selected
      ? () => setSelected(null)
      : onMatrix && editing
        ? () => setEditing(false)
        : back,
    !confirmDelete,
  );

  const all = screen?.customers ?? [];
  const hovered = hover ? visible[hover.i] : null;
  const hoveredCustomer = hovered ? customers.get(hovered.customer_id) : null;

  return (
    <div className="journey-screen matrices-screen">
      <header className="topbar">
        <BackButton label="Journey" onBack={back} />
        <div className="topbar-title">
          <h1>Matrices — {name}</h1>
          {matrix && screen && (
            <span className="data-meta" data-testid="matrix-meta">
              {count(visible.length)} {level === "stakeholder" ? "stakeholders" : "customers"}{" "}
              placed
              {screen.view.not_placed.length > 0 &&
                ` · ${count(screen.view.not_placed.length)} not placed`}
            </span>
          )}
        </div>
        <div className="topbar-actions">
          {notice && <span className="notice">{notice}</span>}
          <button
            type="button"
            className="button"
            onClick={undo}
            disabled={stack.past.length === 0}
            title={`Undo ${stack.past[stack.past.length - 1]?.label ?? ""} (Ctrl+Z)`}
            data-testid="matrix-undo"
          >
            Undo
          </button>
          <button
            type="button"
            className="button"
            onClick={redo}
            disabled={stack.future.length === 0}
            title="Redo (Ctrl+Shift+Z)"
          >
            Redo
          </button>
          <ThemeButton />
        </div>
      </header>
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {editor.saveState.kind === "failed" && (
        <ErrorBanner error={editor.saveState.error} onDismiss={() => void flush()} />
      )}
      <div className="tabs-row">
        <Tabs
          label="Matrices"
          active={tab}
          onSelect={setTab}
          items={[
            ...journey.matrices.map((m) => ({
              id: m.id,
              label: m.name,
              testId: `matrix-tab-${m.id}`,
            })),
            { id: "ranking", label: "Priority ranking", testId: "matrix-tab-ranking" },
          ]}
        />
        <div className="matrix-add">
          <select
            className="select"
            value=""
            aria-label="Add a matrix"
            data-testid="add-matrix"
            onChange={(e) => {
              const pick = e.target.value;
              const lens = builtins.find((m) => m.id === pick);
              if (lens) addLens(lens);
              else if (pick === "blank") addLens(blankMatrix());
            }}
          >
            <option value="">+ Matrix…</option>
            {builtins
              .filter((b) => !journey.matrices.some((m) => m.id === b.id))
              .map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            <option value="blank">A blank matrix of your own</option>
          </select>
        </div>
      </div>
      <main className="funnel-main matrices-main">
        {journey.matrices.length === 0 && tab !== "ranking" && (
          <div className="empty-state data-empty">
            <p className="empty-title">This journey has no matrices</p>
            <p className="muted">
              Every template carries the four lenses of purpose × intent, people, process and
              technology.
            </p>
          </div>
        )}
        {tab === "ranking" && (
          <RankingPanel
            id={id}
            matrices={journey.matrices}
            revision={revision}
            onError={onError}
            onNotice={setNotice}
          />
        )}
        {matrix && (
          <>
            <div className="matrix-tools">
              <fieldset className="segmented" aria-label="Place">
                {(["stakeholder", "customer"] as const).map((l) => (
                  <button
                    key={l}
                    type="button"
                    className={level === l ? "seg seg-active" : "seg"}
                    onClick={() => setLevel(l)}
                    data-testid={`level-${l}`}
                  >
                    {l === "stakeholder" ? "Stakeholders" : "Customers"}
                  </button>
                ))}
              </fieldset>
              <FilterSelect
                label="Segment"
                value={segment}
                onChange={setSegment}
                options={distinct(all.map((c) => c.segment))}
              />
              <FilterSelect
                label="Owner"
                value={owner}
                onChange={setOwner}
                options={distinct(all.map((c) => c.owner))}
              />
              <FilterSelect
                label="Stage"
                value={stage}
                onChange={setStage}
                options={distinct(all.map((c) => c.stage))}
              />
              <FilterSelect
                label="Health"
                value={health}
                onChange={setHealth}
                options={(["green", "grey", "red"] as const).map((h) => ({
                  value: h,
                  label: HEALTH_WORDS[h],
                }))}
              />
              <label className="inline-field">
                Size by{" "}
                <select
                  className="select"
                  value={sizeBy}
                  onChange={(e) => setSizeBy(e.target.value as SizeBy)}
                >
                  <option value="arr">ARR</option>
                  <option value="stakeholders">Stakeholders</option>
                  <option value="none">Same size</option>
                </select>
              </label>
              <button
                type="button"
                className={editing ? "button button-primary" : "button"}
                onClick={() => setEditing((e) => !e)}
                data-testid="edit-matrix"
              >
                {editing ? "Done" : "Edit matrix"}
              </button>
              <label
                className="inline-field"
                title="Show where each point was at the end of this day"
              >
                Compare with{" "}
                <input
                  type="date"
                  className="date-input"
                  value={compare}
                  onChange={(e) => setCompare(e.target.value)}
                  data-testid="matrix-compare"
                />
              </label>
            </div>
            <div className="matrix-body">
              <section className="panel-card matrix-plot" aria-busy={loading}>
                <MatrixCanvas
                  matrix={matrix}
                  points={shown}
                  counts={counts}
                  selected={selected}
                  draggable={draggable}
                  onHover={(i, at) => setHover(i == null || !at ? null : { i, ...at })}
                  onSelect={setSelected}
                  onMove={move}
                />
                {hovered && hover && (
                  <div className="matrix-tip" style={{ left: hover.x + 16, top: hover.y + 8 }}>
                    <strong>{hovered.name}</strong>
                    {hovered.stakeholder && (
                      <div>{hoveredCustomer?.name ?? hovered.customer_id}</div>
                    )}
                    <div>
                      {matrix.x.label}: {hovered.x.toFixed(1)} · {matrix.y.label}:{" "}
                      {hovered.y.toFixed(1)}
                    </div>
                    <div className="muted">
                      {[
                        hoveredCustomer?.segment,
                        hoveredCustomer?.stage,
                        hoveredCustomer?.health && HEALTH_WORDS[hoveredCustomer.health],
                      ]
                        .filter(Boolean)
                        .join(" · ")}
                    </div>
                  </div>
                )}
                {loading && <p className="muted matrix-loading">Placing…</p>}
              </section>
              <aside className="matrix-side">
                {editing && (
                  <>
                    <button
                      type="button"
                      className="button button-danger"
                      onClick={() => setConfirmDelete(true)}
                      data-testid="delete-matrix"
                    >
                      Delete this matrix…
                    </button>
                    <MatrixEditor
                      matrix={matrix}
                      journey={journey}
                      onChange={(next, label) =>
                        editJourney((j) => replaceMatrix(j, next), `matrix:${matrix.id}:${label}`)
                      }
                    />
                  </>
                )}
                {screen?.notice && (
                  <p className="panel-card muted" data-testid="matrix-notice" hidden={editing}>
                    {screen.notice}
                  </p>
                )}
                <section className="panel-card" data-testid="quadrant-counts" hidden={editing}>
                  {CORNERS.map((c) => {
                    const q = matrix.quadrants.find((x) => x.corner === c);
                    return (
                      <div
                        key={c}
                        className={`quadrant-row${c === matrix.best ? " quadrant-best" : ""}`}
                      >
                        <span className="quadrant-name">{q?.name ?? c}</span>
                        <span className="quadrant-count" data-testid={`count-${c}`}>
                          {count(counts[c])}
                        </span>
                        {q?.support && (
                          <span className="chip">
                            {SUPPORTS.find((s) => s.value === q.support)?.label}
                          </span>
                        )}
                        {q?.rationale && <p className="muted">{q.rationale}</p>}
                      </div>
                    );
                  })}
                </section>
                {selectedPoint && (
                  <PointDetail point={selectedPoint} detail={detail} draggable={draggable} />
                )}
                {!selectedPoint && draggable && (
                  <p className="muted matrix-hint">
                    Drag a point to re-score it; click one and nudge it with the arrow keys (Shift
                    for 0.1). Ctrl+Z undoes.
                  </p>
                )}
                {screen && screen.view.not_placed.length > 0 && (
                  <details className="panel-card not-placed">
                    <summary>{count(screen.view.not_placed.length)} not placed</summary>
                    <ul>
                      {screen.view.not_placed.slice(0, 100).map((n) => (
                        <li key={`${n.customer_id}-${n.reason}`}>
                          {customers.get(n.customer_id)?.name ?? n.customer_id}: {n.reason}
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
              </aside>
            </div>
          </>
        )}
      </main>
      {confirmDelete && matrix && (
        <ConfirmDialog
          title={`Delete “${matrix.name}”?`}
          confirmLabel="Delete matrix"
          danger
          onConfirm={() => {
            const idx = journey.matrices.findIndex((m) => m.id === matrix.id);
            editJourney((j) => removeMatrix(j, matrix.id), `delete-matrix:${matrix.id}`);
            setConfirmDelete(false);
            setEditing(false);
            const rest = journey.matrices.filter((m) => m.id !== matrix.id);
            setTab(rest[Math.max(0, idx - 1)]?.id ?? "ranking");
          }}
          onCancel={() => setConfirmDelete(false)}
        >
          <p>
            The scores stay; only the matrix goes. Undo brings it back.
            {playsOf(journey, matrix.id).length > 0 &&
              ` Plays it triggers become manual: ${playsOf(journey, matrix.id).join(", ")}.`}
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}

function PointDetail(props: {
  point: MatrixPoint;
  detail: CustomerDetail | null;
  draggable: boolean;
}) {
  const { point, detail } = props;
  const people =
    detail?.stakeholders.filter((s) => !point.stakeholder || s.name === point.stakeholder) ?? [];
  return (
    <section className="panel-card point-detail" data-testid="point-detail">
      <h2>
        {point.name} <span className="muted">{point.quadrant}</span>
      </h2>
      {detail && (
        <p className="muted">
          {detail.customer.name ?? detail.customer.id} · {detail.customer.segment ?? "no segment"} ·
          ARR {detail.customer.arr_text ?? "—"}
        </p>
      )}
      {people.map((s) => (
        <table key={s.name} className="data-table score-table">
          <caption>
            {s.name}
            {s.title ? `, ${s.title}` : ""}
            {s.decision_maker ? " · decision maker" : ""}
          </caption>
          <tbody>
            {SCORES.map((d) => (
              <tr key={d.value}>
                <td>{d.label}</td>
                <td className="num">{s[d.value] ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}
