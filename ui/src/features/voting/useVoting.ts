// The editor's side of dot voting: who is voting now (the facilitator clicks on their
// behalf, or people take turns at the keyboard: 1–9 switch), the tallies on the cards, the
// highlight, and room voting (phones), whose dots arrive here and are applied as edits.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Journey } from "../../bindings/Journey";
import type { RoomInfo } from "../../bindings/RoomInfo";
import type { VoteAction } from "../../bindings/VoteAction";
import { useEscape } from "../../components/useEscape";
import { AppError, api, toAppError } from "../../ipc";
import { typingInField } from "../editor/useEditorKeys";
import {
  type CardTally,
  cast,
  openRound,
  refusal,
  rounds,
  takeBack,
  tally,
  targetOf,
} from "./rules";

type Edit = (change: (j: Journey) => Journey, label: string) => void;

export function applyAction(j: Journey, a: VoteAction): Journey {
  return a.op === "cast" ? cast(j, a.participant, a.target) : takeBack(j, a.participant, a.target);
}

export interface Voting {
  voter: string | null;
  setVoter: (id: string | null) => void;
  /** The last round's dots, most first (its results stay after it closes). */
  tallies: CardTally[];
  /** The same by node id, for the cards; null when there are none. */
  votes: ReadonlyMap<string, CardTally> | null;
  highlight: boolean;
  setHighlight: (on: boolean) => void;
  /** The voted cards, for the canvas to mark while highlighting. */
  marks: ReadonlyMap<string, string> | null;
  /** Set while someone is voting: a click on a card places their dot. */
  onCardClick: ((nodeId: string, e: React.MouseEvent) => void) | null;
  /** Why the last dot was refused. */
  message: string | null;
  room: RoomInfo | null;
  roomError: AppError | null;
  startRoom: () => Promise<void>;
  stopRoom: () => void;
}

export function useVoting(j: Journey, edit: Edit): Voting {
  const [voter, setVoterState] = useState<string | null>(null);
  const [highlight, setHighlight] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [room, setRoom] = useState<RoomInfo | null>(null);
  const [roomError, setRoomError] = useState<AppError | null>(null);
  const [syncError, setSyncError] = useState<AppError | null>(null);
  // The number of the last phone vote applied, set in the same render as the edit that
  // applies it: each board sent back says which votes it already has.
  const [seen, setSeen] = useState(0);
  const latest = useRef({ j, edit });
  latest.current = { j, edit };

  const round = openRound(j);
  const people = j.workshop?.participants ?? [];
  const shown = rounds(j).at(-1) ?? null;
  const tallies = useMemo(() => (shown ? tally(j, shown) : []), [j, shown]);
  const votes = useMemo(
    () => (tallies.length > 0 ? new Map(tallies.map((t) => [t.key, t])) : null),
    [tallies],
  );
  const marks = useMemo(
    () => (highlight ? new Map(tallies.map((t) => [t.key, "mark-voted"])) : null),
    [highlight, tallies],
  );

  const setVoter = useCallback((id: string | null) => {
    setVoterState(id);
    setMessage(null);
  }, []);

  // Nobody votes in a closed round, nor as someone taken off the list.
  const voterGone = voter !== null && (round === null || !people.some((p) => p.id === voter));
  useEffect(() => {
    if (voterGone) setVoter(null);
  }, [voterGone, setVoter]);

  // Escape in a field (a note being written) leaves the field; otherwise it ends the vote.
  useEscape((e) => {
    if (typingInField(e)) (e.target as HTMLElement).blur();
    else setVoter(null);
  }, voter !== null);

  // Taking turns at the keyboard: 1–9 hand it to the first nine participants.
  useEffect(() => {
    if (voter === null) return;
    const onKey = (e: KeyboardEvent) => {
      if (typingInField(e) || e.ctrlKey || e.metaKey || e.altKey) return;
      const n = Number(e.key);
      const p =
        Number.isInteger(n) && n >= 1 ? latest.current.j.workshop?.participants[n - 1] : null;
      if (p) setVoter(p.id);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [voter, setVoter]);

  const onCardClick = useCallback(
    (nodeId: string, e: React.MouseEvent) => {
      if (voter === null) return;
      const target = targetOf(nodeId);
      const { j: now, edit: change } = latest.current;
      if (!target) {
        setMessage("Dots go on stages, milestones, plays and sticky notes.");
        return;
      }
      if (e.altKey) {
        const next = takeBack(now, voter, target);
        setMessage(next === now ? "No dot of theirs on that card to take back." : null);
        if (next !== now) change(() => next, `vote:${performance.now()}`);
        return;
      }
      const why = refusal(now, voter, target);
      setMessage(why);
      if (why === null) change((x) => cast(x, voter, target), `vote:${performance.now()}`);
    },
    [voter],
  );

  // Room voting: dots from phones are applied as edits (the rules already checked them
  // on the server; the editor checks again, so a race cannot exceed anyone's dots), and
  // every change goes back to the server with the number of the last dot applied, so
  // phones see what the room sees and a board sent before a dot arrived does not drop it.
  const startRoom = useCallback(async () => {
    setRoomError(null);
    try {
      setSeen(0);
      const info = await api.roomStart(latest.current.j, (v) => {
        latest.current.edit((x) => applyAction(x, v.action), `vote:${performance.now()}`);
        setSeen(v.seq);
      });
      setRoom(info);
    } catch (e) {
      setRoomError(toAppError(e));
    }
  }, []);
  const stopRoom = useCallback(() => {
    setRoom(null);
    // Stopping a server that is already gone is no news to anyone.
    void api.roomStop().catch(() => {});
  }, []);
  // Every change goes to the phones; a failed sync is said on the big screen, or the room
  // would vote on a stale board without a word.
  useEffect(() => {
    if (!room) return;
    api.roomSync(j, seen).then(
      () => setSyncError(null),
      (e) => {
        const err = toAppError(e);
        setSyncError(
          new AppError({
            code: err.code,
            message: `The phones did not get the latest board: ${err.message}`,
          }),
        );
      },
    );
  }, [j, seen, room]);
  const roundClosed = round === null;
  useEffect(() => {
    if (roundClosed) setRoom(null);
  }, [roundClosed]);
  useEffect(() => () => void api.roomStop().catch(() => {}), []);

  return {
    voter,
    setVoter,
    tallies,
    votes,
    highlight,
    setHighlight,
    marks,
    onCardClick: voter !== null && round !== null ? onCardClick : null,
    message,
    room,
    roomError: roomError ?? (room ? syncError : null),
    startRoom,
    stopRoom,
  };
}
