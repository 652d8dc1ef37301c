// Who is in the workshop, what it decided, and the parking lot: kept with the journey and
// printed in its summary (Markdown here, and in the playbook PDF's appendix).
import type { Journey } from "../../bindings/Journey";
import type { Workshop } from "../../bindings/Workshop";
import { InlineAdd } from "../../components/InlineAdd";

interface Props {
  journey: Journey;
  edit: (change: (j: Journey) => Journey, label: string) => void;
  onSaveSummary: () => void;
}

/** Colours a participant gets in turn: the app's palette, distinct side by side. */
const COLOURS = ["#4338ca", "#0f766e", "#b45309", "#be123c", "#1f3a5f", "#7c3aed", "#15803d"];

function nextId(prefix: string, ids: string[]): string {
  let n = ids.length + 1;
  while (ids.includes(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}

const EMPTY: Workshop = { participants: [], decisions: [] };

export function WorkshopPanel({ journey, edit, onSaveSummary }: Props) {
  const w = journey.workshop ?? EMPTY;
  const change = (update: (w: Workshop) => Workshop, label: string) =>
    edit((j) => ({ ...j, workshop: update(j.workshop ?? EMPTY) }), label);
  const parked = journey.notes.filter((n) => n.parked);

  return (
    <section className="agenda workshop" data-testid="workshop">
      <h3>Participants</h3>
      <ul className="chips" data-testid="participants">
        {w.participants.map((p) => (
          <li key={p.id} className="chip" style={{ borderColor: p.color }}>
            <span className="chip-dot" style={{ background: p.color }} />
            {p.name}
            <button
              type="button"
              className="chip-remove"
              aria-label={`Remove ${p.name}`}
              onClick={() =>
                change(
                  (x) => ({ ...x, participants: x.participants.filter((q) => q.id !== p.id) }),
                  "participant:remove",
                )
              }
            >
              ✕
            </button>
          </li>
        ))}
      </ul>
      <InlineAdd
        placeholder="Add a participant"
        label="Add"
        testId="participant"
        onAdd={(name) =>
          change((x) => {
            const id = nextId(
              "p",
              x.participants.map((p) => p.id),
            );
            const color = COLOURS[x.participants.length % COLOURS.length] ?? "#4338ca";
            return { ...x, participants: [...x.participants, { id, name, color }] };
          }, "participant:add")
        }
      />

      <h3>Decisions</h3>
      <ol className="decisions" data-testid="decisions">
        {w.decisions.map((d) => (
          <li key={d.id}>
            {d.text}
            <button
              type="button"
              className="chip-remove"
              aria-label="Remove this decision"
              onClick={() =>
                change(
                  (x) => ({ ...x, decisions: x.decisions.filter((q) => q.id !== d.id) }),
                  "decision:remove",
                )
              }
            >
              ✕
            </button>
          </li>
        ))}
      </ol>
      <InlineAdd
        placeholder="Record a decision"
        label="Add"
        testId="decision"
        onAdd={(text) =>
          change(
            (x) => ({
              ...x,
              decisions: [
                ...x.decisions,
                {
                  id: nextId(
                    "d",
                    x.decisions.map((q) => q.id),
                  ),
                  text,
                },
              ],
            }),
            "decision:add",
          )
        }
      />

      <h3>Parking lot</h3>
      {parked.length === 0 ? (
        <p className="muted">Notes set aside to revisit appear here.</p>
      ) : (
        <ul className="parking" data-testid="parking-lot">
          {parked.map((n) => (
            <li key={n.id} className={`parked sticky-${n.color}`}>
              <span>{n.text || "(empty note)"}</span>
              <button
                type="button"
                className="button button-quiet"
                onClick={() =>
                  edit(
                    (j) => ({
                      ...j,
                      notes: j.notes.map((x) => (x.id === n.id ? { ...x, parked: false } : x)),
                    }),
                    "unpark",
                  )
                }
              >
                Back to the board
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="button" onClick={onSaveSummary} data-testid="summary-save">
        Save the workshop summary (Markdown)…
      </button>
    </section>
  );
}
