// The editor's side panel: first steps while nothing is selected, the inspector of the one
// card selected, else the journey's own panel.
import type { ComponentProps } from "react";
import { Inspector } from "../editor/Inspector";
import { Hints } from "./Hints";
import { JourneyPanel } from "./JourneyPanel";

type Props = ComponentProps<typeof JourneyPanel> & {
  /** Whether the workspace has customer data. */
  hasData: boolean;
};

export function EditorSidebar({ hasData, ...panel }: Props) {
  const { journey, edit, selection, check } = panel;
  const { single } = selection;
  return (
    <aside className="sidebar">
      {selection.selected.size === 0 && <Hints hasData={hasData} />}
      {single ? (
        <Inspector
          key={`${single.kind}:${single.id}`}
          journey={journey}
          kind={single.kind}
          id={single.id}
          edit={edit}
          findings={check.findings.filter((f) => f.kind === single.kind && f.id === single.id)}
          onDelete={selection.deleteSelection}
        />
      ) : (
        <JourneyPanel {...panel} />
      )}
    </aside>
  );
}
