// While someone votes: whose dots a click places, how many are left, and the keys.
import type { Journey } from "../../bindings/Journey";
import { dotsUsed, openRound } from "./rules";
import type { Voting } from "./useVoting";

export function VotingBanner({ journey: j, voting }: { journey: Journey; voting: Voting }) {
  const round = openRound(j);
  const p = j.workshop?.participants.find((x) => x.id === voting.voter);
  if (!round || !p) return null;
  const left = round.dots - dotsUsed(round, p.id);
  return (
    <div className="voting-banner" role="status" data-testid="voting-banner">
      <span className="chip-dot" style={{ background: p.color }} />
      <strong>{p.name}</strong>
      <span>
        {left} of {round.dots} dots left
      </span>
      <span className="muted">
        {voting.message ??
          "Click a card to place a dot · Alt+click takes one back · 1–9 switch · Esc stops"}
      </span>
      <button type="button" className="button button-quiet" onClick={() => voting.setVoter(null)}>
        Done
      </button>
    </div>
  );
}
