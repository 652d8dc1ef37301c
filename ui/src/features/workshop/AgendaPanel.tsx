// The workshop agenda in the journey's panel: steps with their minutes, saved with the
// journey (every change is an edit: autosaved, undoable). ▶ starts a step's timer.
import type { AgendaStep } from "../../bindings/AgendaStep";
import type { Journey } from "../../bindings/Journey";

interface Props {
  journey: Journey;
  edit: (change: (j: Journey) => Journey, label: string) => void;
  /** The step whose timer runs, if any. */
  running: number | null;
  onStart: (step: number) => void;
}

function newId(agenda: AgendaStep[]): string {
  let n = agenda.length + 1;
  while (agenda.some((s) => s.id === `step-${n}`)) n += 1;
  return `step-${n}`;
}

export function AgendaPanel({ journey, edit, running, onStart }: Props) {
  const agenda = journey.agenda ?? [];
  const change = (i: number, patch: Partial<AgendaStep>, label: string) =>
    edit(
      (j) => ({
        ...j,
        agenda: (j.agenda ?? []).map((s, k) => (k === i ? { ...s, ...patch } : s)),
      }),
      label,
    );
  return (
    <section className="agenda" data-testid="agenda">
      <h3>Workshop agenda</h3>
      {agenda.length === 0 && (
        <p className="muted">Plan the workshop in timed steps: the room sees a calm countdown.</p>
      )}
      <ol className="agenda-steps">
        {agenda.map((s, i) => (
          <li key={s.id} className={running === i ? "agenda-step agenda-running" : "agenda-step"}>
            <input
              className="input"
              aria-label={`Step ${i + 1}`}
              value={s.title}
              onChange={(e) => change(i, { title: e.target.value }, `agenda:${s.id}:title`)}
              data-testid="agenda-title"
            />
            <input
              className="input agenda-minutes"
              type="number"
              min={1}
              max={600}
              aria-label={`Minutes for step ${i + 1}`}
              value={s.minutes}
              onChange={(e) => {
                const minutes = Math.round(Number(e.target.value));
                if (minutes >= 1 && minutes <= 600)
                  change(i, { minutes }, `agenda:${s.id}:minutes`);
              }}
              data-testid="agenda-minutes"
            />
            <span className="muted">min</span>
            <button
              type="button"
              className="button button-quiet"
              title="Start this step's timer"
              aria-label={`Start ${s.title}`}
              onClick={() => onStart(i)}
              data-testid="agenda-start"
            >
              ▶
            </button>
            <button
              type="button"
              className="button button-quiet"
              title="Remove this step"
              aria-label={`Remove ${s.title}`}
              onClick={() =>
                edit(
                  (j) => ({ ...j, agenda: (j.agenda ?? []).filter((x) => x.id !== s.id) }),
                  "agenda:remove",
                )
              }
            >
              ✕
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button"
        onClick={() =>
          edit(
            (j) => ({
              ...j,
              agenda: [
                ...(j.agenda ?? []),
                {
                  id: newId(j.agenda ?? []),
                  title: `Step ${(j.agenda ?? []).length + 1}`,
                  minutes: 15,
                },
              ],
            }),
            "agenda:add",
          )
        }
        data-testid="agenda-add"
      >
        + Step
      </button>
    </section>
  );
}
