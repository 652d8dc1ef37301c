// The side panel when no single card is selected: the journey's name and description, its
// versions and data, the workshop (agenda, participants, decisions, parking lot), the value
// model, voting, and the framework check.
import type { Journey } from "../../bindings/Journey";
import { TextArea, TextField } from "../../components/fields";
import { optionalText } from "../editor/ops";
import type { JourneyEditor } from "../editor/useJourneyEditor";
import { ValuePanel } from "../value/ValuePanel";
import type { Voting } from "../voting/useVoting";
import { VotingPanel } from "../voting/VotingPanel";
import { AgendaPanel } from "../workshop/AgendaPanel";
import { WorkshopPanel } from "../workshop/WorkshopPanel";
import type { AgendaClock } from "./AgendaTimer";
import { FrameworkCheck } from "./FrameworkCheck";
import type { FrameworkCheck as Check } from "./useFrameworkCheck";
import type { Selection } from "./useSelection";

interface Props {
  journey: Journey;
  edit: JourneyEditor["edit"];
  selection: Selection;
  check: Check;
  clock: AgendaClock;
  voting: Voting;
  onVersions: () => void;
  /** Opens the customer data, once the last edit is stored. */
  onData: () => void;
  onSaveSummary: () => void;
}

export function JourneyPanel({
  journey: j,
  edit,
  selection,
  check,
  clock,
  voting,
  onVersions,
  onData,
  onSaveSummary,
}: Props) {
  const { select, selected } = selection;
  return (
    <div className="inspector">
      <div className="inspector-kind">Journey</div>
      <TextField
        label="Name"
        value={j.name}
        testId="journey-name"
        onChange={(v) => edit((x) => ({ ...x, name: v }), "journey:name")}
      />
      <TextArea
        label="Description"
        value={j.description}
        onChange={(v) =>
          edit((x) => ({ ...x, description: optionalText(v) }), "journey:description")
        }
      />
      <button
        type="button"
        className="button"
        onClick={onVersions}
        title="Save a named version before the workshop, compare, restore"
        data-testid="versions-button"
      >
        Versions…
      </button>
      <button
        type="button"
        className="button"
        onClick={onData}
        title="The customers, their events and stakeholders: import, look up, replace"
        data-testid="open-data"
      >
        Customer data…
      </button>
      <AgendaPanel
        journey={j}
        edit={edit}
        running={clock.timer?.step ?? null}
        onStart={clock.start}
      />
      <WorkshopPanel journey={j} edit={edit} onSaveSummary={onSaveSummary} />
      <ValuePanel journey={j} edit={edit} />
      <VotingPanel journey={j} edit={edit} voting={voting} onShowCard={(key) => select([key])} />
      {selected.size > 1 && (
        <p className="muted">{selected.size} items selected — Delete removes them all.</p>
      )}
      <FrameworkCheck check={check} select={select} />
    </div>
  );
}
