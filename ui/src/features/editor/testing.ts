// Test helper: a small journey to edit.
import type { Journey } from "../../bindings/Journey";

export function blankJourney(name: string): Journey {
  return {
    name,
    stages: [{ id: "stage-1", name: "Onboard", milestones: [] }],
    roles: [],
    activities: [],
    metrics: [],
    matrices: [],
    notes: [],
  };
}
