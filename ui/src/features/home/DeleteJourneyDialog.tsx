// Asks before a journey is deleted, saying what goes with it.
import type { JourneySummary } from "../../bindings/JourneySummary";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { plural } from "../../components/text";

interface Props {
  journey: JourneySummary;
  onConfirm: () => void;
  onCancel: () => void;
}

export function DeleteJourneyDialog({ journey, onConfirm, onCancel }: Props) {
  return (
    <ConfirmDialog
      title={`Delete “${journey.name}”?`}
      confirmLabel="Delete journey"
      danger
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>
        This removes its {plural(journey.stages, "stage")},{" "}
        {plural(journey.milestones, "milestone")} and {plural(journey.activities, "play")} from this
        workspace. Export it first if you may want it back.
      </p>
    </ConfirmDialog>
  );
}
