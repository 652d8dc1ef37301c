// Named versions of a journey: save one ("Before workshop"), compare any two (or one with
// the journey now) — what was added, removed and changed, and what it does to the funnel —
// and restore one. A restore is an edit (Ctrl+Z undoes it), taken after an automatic
// version of the journey as it was.
import { useCallback, useEffect, useState } from "react";
import type { Diff } from "../../bindings/Diff";
import type { Journey } from "../../bindings/Journey";
import type { LiveNumbers } from "../../bindings/LiveNumbers";
import type { Version } from "../../bindings/Version";
import { ErrorBanner } from "../../components/ErrorBanner";
import { InlineAdd } from "../../components/InlineAdd";
import { count } from "../../components/text";
import { timeAgo } from "../../components/time";
import { useEscape } from "../../components/useEscape";
import { type AppError, api, toAppError } from "../../ipc";
import { funnelRows, KIND_WORDS } from "./compare";

interface Props {
  journeyId: number;
  journeyName: string;
  /** The journey as edited now (saved before the dialog opened). */
  current: Journey;
  onClose: () => void;
  /** Replace the journey with a version's content, as one undoable edit. */
  onRestore: (journey: Journey, versionName: string) => void;
  /** Shows what changed since a version on the canvas (added and changed cards marked). */
  onShowChanges: (diff: Diff, versionName: string) => void;
}

const NOW = "now";

export function VersionsDialog({
  journeyId,
  journeyName,
  current,
  onClose,
  onRestore,
  onShowChanges,
}: Props) {
  const [versions, setVersions] = useState<Version[] | null>(null);
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<string>(NOW);
  const [diff, setDiff] = useState<Diff | null>(null);
  const [numbers, setNumbers] = useState<[LiveNumbers | null, LiveNumbers | null] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  /** A version shown read-only, as its map. */
  const [viewing, setViewing] = useState<{ version: Version; map: string } | null>(null);
  useEscape(onClose);

  const reload = useCallback(async () => {
    const list = await api.journeyVersions(journeyId);
    setVersions(list);
    return list;
  }, [journeyId]);

  useEffect(() => {
    reload().catch((e) => setError(toAppError(e)));
  }, [reload]);

  // The comparison follows the two versions chosen.
  useEffect(() => {
    if (from === null) return;
    let live = true;
    const target = to === NOW ? null : Number(to);
    (async () => {
      const d = await api.diffVersions(journeyId, from, target);
      const older = await api.journeyVersion(journeyId, from);
      const newer = target === null ? current : await api.journeyVersion(journeyId, target);
      const both = await Promise.all([api.journeyFunnel(older), api.journeyFunnel(newer)]);
      if (live) {
        setDiff(d);
        setNumbers([both[0], both[1]]);
      }
    })().catch((e) => live && setError(toAppError(e)));
    return () => {
      live = false;
    };
  }, [journeyId, from, to, current]);

  async function save(label: string) {
    setError(null);
    try {
      await api.snapshotJourney(journeyId, label, false);
      await reload();
    } catch (e) {
      setError(toAppError(e));
    }
  }

  async function restore(v: Version) {
    setError(null);
    try {
      await api.snapshotJourney(journeyId, `Before restoring “${v.name}”`, true);
      const journey = await api.journeyVersion(journeyId, v.id);
      onRestore(journey, v.name);
    } catch (e) {
      setError(toAppError(e));
    }
  }

  const label = (id: string) =>
    id === NOW ? "the journey now" : `“${versions?.find((v) => String(v.id) === id)?.name ?? id}”`;

  return (
    <div className="modal-backdrop">
      <div
        className="modal versions-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="versions-title"
        data-testid="versions-dialog"
      >
        <h2 id="versions-title">Versions of “{journeyName}”</h2>
        {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
        <InlineAdd
          placeholder="Name this version, e.g. Before workshop"
          label="Save version"
          testId="version"
          primary
          onAdd={(label) => void save(label)}
        />
        <div className="versions-body">
          <ol className="versions-list" data-testid="versions-list">
            {versions?.length === 0 && (
              <li className="versions-empty">
                No versions yet. Save one before the workshop changes the journey.
              </li>
            )}
            {[...(versions ?? [])].reverse().map((v) => (
              <li
                key={v.id}
                className={from === v.id ? "version version-selected" : "version"}
                data-testid="version"
              >
                <div className="version-name">
                  {v.name}
                  {v.automatic && <span className="version-auto">automatic</span>}
                </div>
                <div className="version-when" title={v.created_at}>
                  {timeAgo(v.created_at)}
                </div>
                <div className="version-actions">
                  <button
                    type="button"
                    className="button button-quiet"
                    onClick={() =>
                      api.versionMap(journeyId, v.id).then(
                        (map) => {
                          setFrom(null);
                          setViewing({ version: v, map });
                        },
                        (e) => setError(toAppError(e)),
                      )
                    }
                    data-testid="version-view"
                  >
                    View
                  </button>
                  <button
                    type="button"
                    className="button button-quiet"
                    onClick={() => {
                      setViewing(null);
                      setFrom(v.id);
                      setTo(NOW);
                    }}
                    data-testid="version-compare"
                  >
                    Compare
                  </button>
                  <button
                    type="button"
                    className="button button-quiet"
                    onClick={() => void restore(v)}
                    data-testid="version-restore"
                  >
                    Restore
                  </button>
                </div>
              </li>
            ))}
          </ol>
          <div className="versions-compare" data-testid="versions-compare">
            {viewing ? (
              <div className="version-map" data-testid="version-map">
                <p className="versions-pair">“{viewing.version.name}”, read-only</p>
                <img src={viewing.map} alt={`The journey as “${viewing.version.name}” saved it`} />
              </div>
            ) : from === null ? (
              <p className="export-note">
                Choose View to see a version, or Compare to see what changed since and what it does
                to the funnel.
              </p>
            ) : (
              <>
                <div className="versions-pair">
                  {label(String(from))} →{" "}
                  <select
                    className="select"
                    value={to}
                    onChange={(e) => setTo(e.target.value)}
                    aria-label="Compare with"
                  >
                    <option value={NOW}>the journey now</option>
                    {versions
                      ?.filter((v) => v.id !== from)
                      .map((v) => (
                        <option key={v.id} value={String(v.id)}>
                          {v.name}
                        </option>
                      ))}
                  </select>
                </div>
                {diff && <DiffLists diff={diff} />}
                {diff && to === NOW && diff.added.length + diff.changed.length > 0 && (
                  <button
                    type="button"
                    className="button"
                    onClick={() =>
                      onShowChanges(diff, versions?.find((v) => v.id === from)?.name ?? "")
                    }
                    data-testid="show-changes"
                  >
                    Show the changes on the canvas
                  </button>
                )}
                {numbers && <FunnelCompare before={numbers[0]} after={numbers[1]} />}
              </>
            )}
          </div>
        </div>
        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}

function DiffLists({ diff }: { diff: Diff }) {
  if (diff.added.length + diff.removed.length + diff.changed.length === 0)
    return <p className="export-note">No differences.</p>;
  return (
    <div className="diff-lists">
      {(
        [
          [
            "Added",
            "diff-added",
            diff.added.map((x) => [x.kind, x.id, x.name, ""] as [string, string, string, string]),
          ],
          [
            "Removed",
            "diff-removed",
            diff.removed.map((x) => [x.kind, x.id, x.name, ""] as [string, string, string, string]),
          ],
          [
            "Changed",
            "diff-changed",
            diff.changed.map(
              (x) =>
                [x.kind, x.id, x.name, x.fields.join(", ")] as [string, string, string, string],
            ),
          ],
        ] as [string, string, [string, string, string, string][]][]
      )
        .filter(([, , items]) => items.length > 0)
        .map(([title, cls, items]) => (
          <section key={cls} className={`diff-list ${cls}`} data-testid={cls}>
            <h3>
              {title} ({items.length})
            </h3>
            <ul>
              {items.map(([kind, id, name, fields]) => (
                <li key={`${kind}:${id}`}>
                  <span className="diff-kind">{KIND_WORDS[kind] ?? kind}</span> {name}
                  {fields && <span className="diff-fields"> — {fields}</span>}
                </li>
              ))}
            </ul>
          </section>
        ))}
    </div>
  );
}

function FunnelCompare({
  before,
  after,
}: {
  before: LiveNumbers | null;
  after: LiveNumbers | null;
}) {
  if (!before || !after) return null;
  const rows = funnelRows(before.funnel, after.funnel);
  return (
    <table className="table versions-funnel" data-testid="versions-funnel">
      <thead>
        <tr>
          <th>Milestone</th>
          <th className="num">Before</th>
          <th className="num">After</th>
          <th className="num">Change</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td>{r.name}</td>
            <td className="num">{r.before == null ? "—" : count(r.before)}</td>
            <td className="num">{r.after == null ? "—" : count(r.after)}</td>
            <td className="num">{r.change}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
