// Dot voting in the journey's panel: start a round (the question, dots each, anonymous or
// named), hand the vote to a participant, see the tally most-voted first, share the round
// with phones, close it (its results stay) and start the next.
import { useState } from "react";
import type { Journey } from "../../bindings/Journey";
import { plural } from "../../components/text";
import { closeRound, dotsUsed, openRound, rounds, startRound, tally, targetName } from "./rules";
import type { Voting } from "./useVoting";

interface Props {
  journey: Journey;
  edit: (change: (j: Journey) => Journey, label: string) => void;
  voting: Voting;
  /** Brings a card into view and selects it. */
  onShowCard: (nodeId: string) => void;
}

function NewRound({
  onStart,
  n,
}: {
  onStart: (q: string, dots: number, anon: boolean) => void;
  n: number;
}) {
  const [question, setQuestion] = useState("");
  const [dots, setDots] = useState(3);
  const [anonymous, setAnonymous] = useState(false);
  return (
    <form
      className="new-round"
      onSubmit={(e) => {
        e.preventDefault();
        onStart(question.trim() || `Round ${n}`, dots, anonymous);
        setQuestion("");
      }}
    >
      <input
        className="input"
        value={question}
        placeholder="What are we voting on?"
        onChange={(e) => setQuestion(e.target.value)}
        data-testid="round-question"
      />
      <div className="field-row">
        <label className="inline-label">
          Dots each
          <input
            className="input input-number"
            type="number"
            min={1}
            max={20}
            value={dots}
            onChange={(e) => setDots(Math.min(20, Math.max(1, Number(e.target.value) || 1)))}
            data-testid="round-dots"
          />
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={anonymous}
            onChange={(e) => setAnonymous(e.target.checked)}
          />
          Anonymous
        </label>
      </div>
      <button type="submit" className="button button-primary" data-testid="round-start">
        Start round {n}
      </button>
    </form>
  );
}

export function VotingPanel({ journey: j, edit, voting, onShowCard }: Props) {
  const people = j.workshop?.participants ?? [];
  const round = openRound(j);
  const all = rounds(j);
  const last = all.at(-1) ?? null;
  const earlier = all.filter((r) => r !== last);
  const placed = last?.votes.length ?? 0;

  return (
    <section className="agenda voting" data-testid="voting">
      <h3>Dot voting</h3>
      {people.length === 0 && (
        <p className="muted">Add the participants above, then start a round.</p>
      )}
      {last && (
        <div className="round-head" data-testid="round-head">
          <strong>
            Round {all.length}: {last.question}
          </strong>
          <span className="muted">
            {last.dots} dots each · {plural(placed, "dot")} placed
            {last.anonymous ? " · anonymous" : ""}
            {last.closed ? " · closed" : ""}
          </span>
        </div>
      )}
      {round && people.length > 0 && (
        <>
          <p className="muted">
            Click a name (or press 1–9), then click cards to place that person’s dots.
          </p>
          <ul className="chips voters" data-testid="voters">
            {people.map((p, i) => {
              const left = round.dots - dotsUsed(round, p.id);
              const active = voting.voter === p.id;
              return (
                <li key={p.id}>
                  <button
                    type="button"
                    className={active ? "chip chip-button chip-active" : "chip chip-button"}
                    style={{ borderColor: p.color }}
                    aria-pressed={active}
                    title={i < 9 ? `Press ${i + 1}` : undefined}
                    onClick={() => voting.setVoter(active ? null : p.id)}
                    data-testid="voter"
                  >
                    <span className="chip-dot" style={{ background: p.color }} />
                    {p.name}
                    <span
                      className="voter-left"
                      data-testid="voter-left"
                      data-left={left}
                      title={left === 0 ? "All dots placed" : `${left} dots left`}
                    >
                      {left === 0 ? "✓" : left}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {voting.tallies.length > 0 && (
        <>
          <ol className="tally" data-testid="tally">
            {voting.tallies.slice(0, 10).map((t) => (
              <li key={t.key}>
                <button type="button" className="tally-item" onClick={() => onShowCard(t.key)}>
                  <span className="tally-name">{targetName(j, t.target)}</span>
                  <span className="tally-dots" data-testid="tally-dots">
                    {t.dots}
                  </span>
                </button>
                {t.by.length > 0 && (
                  <span className="tally-by">
                    {t.by.map((b) => `${b.participant.name} ${b.dots}`).join(" · ")}
                  </span>
                )}
              </li>
            ))}
          </ol>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={voting.highlight}
              onChange={(e) => voting.setHighlight(e.target.checked)}
              data-testid="highlight-votes"
            />
            Highlight the voted cards
          </label>
        </>
      )}
      {round ? (
        <div className="field-row">
          {!voting.room && people.length > 0 && (
            <button
              type="button"
              className="button"
              onClick={() => void voting.startRoom()}
              title="Participants vote from their phones on the local network"
              data-testid="room-start"
            >
              Room voting (phones)
            </button>
          )}
          <button
            type="button"
            className="button"
            onClick={() => edit(closeRound, "round:close")}
            data-testid="round-close"
          >
            Close the round
          </button>
        </div>
      ) : (
        people.length > 0 && (
          <NewRound
            n={all.length + 1}
            onStart={(q, dots, anon) => {
              edit((x) => startRound(x, q, dots, anon), "round:start");
              voting.setVoter(people[0]?.id ?? null);
            }}
          />
        )
      )}
      {earlier.length > 0 && (
        <details className="earlier-rounds">
          <summary>Earlier rounds ({earlier.length})</summary>
          <ol>
            {earlier.map((r, i) => (
              <li key={r.id}>
                <strong>
                  Round {i + 1}: {r.question}
                </strong>
                <span className="muted">
                  {" "}
                  —{" "}
                  {tally(j, r)
                    .slice(0, 3)
                    .map((t) => `${targetName(j, t.target)} ${t.dots}`)
                    .join(" · ") || "no dots"}
                </span>
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
