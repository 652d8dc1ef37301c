// The dots a card got in the round shown: one coloured dot per vote (the voter's colour,
// or the brand colour in an anonymous round) and the count, large enough for the back of
// the room.
import { useStore } from "@xyflow/react";
import { useEffect } from "react";
import { useVotes } from "../canvas/JourneyContext";

const MOST_DOTS = 10;
/** Below this zoom the dots stop shrinking with the board: their size on screen stays
 * what it is at this zoom (up to four times their size on the board). */
const LEGIBLE_ZOOM = 0.8;

/** Keeps the vote dots legible at any zoom: sets `--vote-scale` on the canvas, which the
 * dots' CSS scales by. Rendered once inside the React Flow canvas. */
export function VoteScale() {
  const scale = useStore((s) => {
    const grow = Math.min(4, Math.max(1, LEGIBLE_ZOOM / s.transform[2]));
    return Math.round(grow * 20) / 20;
  });
  const root = useStore((s) => s.domNode);
  useEffect(() => {
    root?.style.setProperty("--vote-scale", String(scale));
  }, [root, scale]);
  return null;
}

export function VoteDots({ nodeId }: { nodeId: string }) {
  const t = useVotes(nodeId);
  if (!t) return null;
  const colours =
    t.by.length > 0
      ? t.by.flatMap((b) => Array.from({ length: b.dots }, () => b.participant.color))
      : Array.from({ length: t.dots }, () => "var(--brand)");
  const who = t.by.map((b) => `${b.participant.name} ${b.dots}`).join(", ");
  return (
    <div
      className="vote-dots"
      data-testid="vote-dots"
      data-dots={t.dots}
      title={who || `${t.dots} dots`}
    >
      {colours.slice(0, MOST_DOTS).map((c, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: dots of one tally, in order
        <span key={i} className="vote-dot" style={{ background: c }} />
      ))}
      <span className="vote-count">{t.dots}</span>
    </div>
  );
}
