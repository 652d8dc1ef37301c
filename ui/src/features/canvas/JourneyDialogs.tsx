// The Export and Versions dialogs as the editor opens them: what they saved or restored
// is told in the notice bar, a comparison is shown on the canvas.
import type { Journey } from "../../bindings/Journey";
import type { JourneyEditor } from "../editor/useJourneyEditor";
import { ExportDialog } from "../export/ExportDialog";
import type { ShownChanges } from "../versions/ChangesBar";
import { changeMarks } from "../versions/compare";
import { VersionsDialog } from "../versions/VersionsDialog";
import type { OpenDialogs } from "./useJourneyDialogs";

interface Props {
  journeyId: number;
  journey: Journey;
  edit: JourneyEditor["edit"];
  /** Whether the workspace has customer data. */
  hasData: boolean;
  dialogs: OpenDialogs;
  onNotice: (notice: string) => void;
  onShowChanges: (changes: ShownChanges) => void;
}

export function JourneyDialogs({
  journeyId,
  journey: j,
  edit,
  hasData,
  dialogs,
  onNotice,
  onShowChanges,
}: Props) {
  return (
    <>
      {dialogs.exporting && (
        <ExportDialog
          journeyId={journeyId}
          journeyName={j.name}
          hasData={hasData}
          onClose={dialogs.closeExport}
          onSaved={(path) => {
            dialogs.closeExport();
            onNotice(`Exported to ${path}`);
          }}
        />
      )}
      {dialogs.versionsOpen && (
        <VersionsDialog
          journeyId={journeyId}
          journeyName={j.name}
          current={j}
          onClose={dialogs.closeVersions}
          onRestore={(version, name) => {
            edit(() => version, "restore");
            dialogs.closeVersions();
            onNotice(`Restored “${name}”. Ctrl+Z undoes it.`);
          }}
          onShowChanges={(diff, version) => {
            onShowChanges({ version, diff, marks: changeMarks(diff) });
            dialogs.closeVersions();
          }}
        />
      )}
    </>
  );
}
