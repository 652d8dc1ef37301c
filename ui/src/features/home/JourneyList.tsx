// The start screen's journeys: open one, see its size and when it was used, delete it.
import type { JourneySummary } from "../../bindings/JourneySummary";
import { plural } from "../../components/text";
import { timeAgo } from "../../components/time";

interface Props {
  journeys: JourneySummary[];
  onOpen: (id: number) => void;
  onDelete: (journey: JourneySummary) => void;
}

export function JourneyList({ journeys, onOpen, onDelete }: Props) {
  return (
    <ul className="journey-list" data-testid="journey-list">
      {journeys.map((j) => (
        <li key={j.id} className="journey-card" data-testid="journey-card">
          <button type="button" className="journey-open" onClick={() => onOpen(j.id)}>
            <span className="journey-name">{j.name}</span>
            {j.description && <span className="journey-description">{j.description}</span>}
            <span className="journey-meta">
              {plural(j.stages, "stage")} · {plural(j.milestones, "milestone")} ·{" "}
              {plural(j.activities, "play")}
              <span className="dot">·</span>
              {j.opened_at ? `opened ${timeAgo(j.opened_at)}` : `changed ${timeAgo(j.updated_at)}`}
            </span>
          </button>
          <button
            type="button"
            className="button button-quiet journey-delete"
            aria-label={`Delete ${j.name}`}
            title="Delete journey"
            onClick={() => onDelete(j)}
          >
            Delete
          </button>
        </li>
      ))}
    </ul>
  );
}
