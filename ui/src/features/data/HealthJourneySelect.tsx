// Beside the customers table: the journey whose health rules colour the customers.
import type { JourneySummary } from "../../bindings/JourneySummary";

interface Props {
  journeys: JourneySummary[];
  healthOf: number | null;
  setHealthOf: (id: number | null) => void;
}

export function HealthJourneySelect({ journeys, healthOf, setHealthOf }: Props) {
  return (
    <label className="inline-field">
      Health in{" "}
      <select
        className="select"
        value={healthOf ?? ""}
        data-testid="health-journey"
        onChange={(e) => setHealthOf(e.target.value ? Number(e.target.value) : null)}
      >
        <option value="">—</option>
        {journeys.map((j) => (
          <option key={j.id} value={j.id}>
            {j.name}
          </option>
        ))}
      </select>
    </label>
  );
}
