// Dot voting's rules, as the core's journey::voting has them (the room-voting server on
// the phones' side runs those): N dots per participant in the open round, only on cards on
// the board, a dot taken back is that participant's latest on the card.
import type { Journey } from "../../bindings/Journey";
import type { Participant } from "../../bindings/Participant";
import type { Vote } from "../../bindings/Vote";
import type { VoteRound } from "../../bindings/VoteRound";
import type { VoteTarget } from "../../bindings/VoteTarget";

/** The canvas node that shows a target: `milestone:first-cycle`. */
export function targetKey(t: VoteTarget): string {
  return `${t.kind}:${t.id}`;
}

/** The vote target a canvas node stands for, or null when the node takes no dots. */
export function targetOf(nodeId: string): VoteTarget | null {
  const colon = nodeId.indexOf(":");
  const kind = nodeId.slice(0, colon);
  if (kind !== "stage" && kind !== "milestone" && kind !== "activity" && kind !== "note")
    return null;
  return { kind, id: nodeId.slice(colon + 1) };
}

export function rounds(j: Journey): VoteRound[] {
  return j.workshop?.rounds ?? [];
}

/** The round taking votes: the last one, unless it is closed. */
export function openRound(j: Journey): VoteRound | null {
  const last = rounds(j).at(-1);
  return last && !last.closed ? last : null;
}

export function dotsUsed(round: VoteRound, participant: string): number {
  return round.votes.filter((v) => v.participant === participant).length;
}

function onBoard(j: Journey, t: VoteTarget): boolean {
  switch (t.kind) {
    case "stage":
      return j.stages.some((s) => s.id === t.id);
    case "milestone":
      return j.stages.some((s) => s.milestones.some((m) => m.id === t.id));
    case "activity":
      return j.activities.some((a) => a.id === t.id);
    case "note":
      return j.notes.some((n) => n.id === t.id && !n.parked);
  }
}

function withOpenVotes(j: Journey, votes: Vote[]): Journey {
  const all = rounds(j);
  const last = all.at(-1);
  if (!last || !j.workshop) return j;
  return { ...j, workshop: { ...j.workshop, rounds: [...all.slice(0, -1), { ...last, votes }] } };
}

/** Why a dot could not be placed, in words; null when it can be. */
export function refusal(j: Journey, participant: string, t: VoteTarget): string | null {
  const round = openRound(j);
  if (!round) return "No voting round is open.";
  const who = j.workshop?.participants.find((p) => p.id === participant);
  if (!who) return "That name is not on the list of participants.";
  if (!onBoard(j, t)) return "That card is not on the board any more.";
  if (dotsUsed(round, participant) >= round.dots)
    return `${who.name} has placed all ${round.dots} dots of this round.`;
  return null;
}

/** Places one of `participant`'s dots on `t`; the journey unchanged when refused. */
export function cast(j: Journey, participant: string, t: VoteTarget): Journey {
  const round = openRound(j);
  if (!round || refusal(j, participant, t) !== null) return j;
  return withOpenVotes(j, [...round.votes, { participant, target: t }]);
}

/** Takes back `participant`'s latest dot on `t`; the journey unchanged when there is none. */
export function takeBack(j: Journey, participant: string, t: VoteTarget): Journey {
  const round = openRound(j);
  if (!round) return j;
  let at = -1;
  round.votes.forEach((v, i) => {
    if (v.participant === participant && v.target.kind === t.kind && v.target.id === t.id) at = i;
  });
  if (at < 0) return j;
  return withOpenVotes(
    j,
    round.votes.filter((_, i) => i !== at),
  );
}

export interface CardTally {
  key: string;
  target: VoteTarget;
  dots: number;
  /** Who placed them, most first; empty for an anonymous round. */
  by: { participant: Participant; dots: number }[];
}

const FORMER: Omit<Participant, "id"> = { name: "A former participant", color: "#94a3b8" };

/** Every card that takes dots, in board order (as the core's `voting::cards`). */
export function boardOrder(j: Journey): string[] {
  const keys: string[] = [];
  for (const s of j.stages) {
    keys.push(`stage:${s.id}`);
    for (const m of s.milestones) keys.push(`milestone:${m.id}`);
    for (const a of j.activities) if (a.stage === s.id) keys.push(`activity:${a.id}`);
  }
  for (const n of j.notes) if (!n.parked) keys.push(`note:${n.id}`);
  return keys;
}

/** Dots per card in `round`, most first; ties keep board order. */
export function tally(j: Journey, round: VoteRound): CardTally[] {
  const people = new Map((j.workshop?.participants ?? []).map((p) => [p.id, p]));
  const cards = new Map<string, CardTally>();
  for (const v of round.votes) {
    if (!onBoard(j, v.target)) continue;
    const key = targetKey(v.target);
    const card = cards.get(key) ?? { key, target: v.target, dots: 0, by: [] };
    card.dots += 1;
    const who = people.get(v.participant) ?? { id: v.participant, ...FORMER };
    const mine = card.by.find((b) => b.participant.id === who.id);
    if (mine) mine.dots += 1;
    else card.by.push({ participant: who, dots: 1 });
    cards.set(key, card);
  }
  const out = [...cards.values()];
  for (const c of out) {
    c.by.sort((a, b) => b.dots - a.dots);
    if (round.anonymous) c.by = [];
  }
  const order = new Map(boardOrder(j).map((k, i) => [k, i]));
  const at = (c: CardTally) => order.get(c.key) ?? 0;
  return out.sort((a, b) => b.dots - a.dots || at(a) - at(b));
}

/** The name a target shows on the board. */
export function targetName(j: Journey, t: VoteTarget): string {
  switch (t.kind) {
    case "stage":
      return j.stages.find((s) => s.id === t.id)?.name ?? "";
    case "milestone":
      return j.stages.flatMap((s) => s.milestones).find((m) => m.id === t.id)?.name ?? "";
    case "activity":
      return j.activities.find((a) => a.id === t.id)?.name ?? "";
    case "note":
      return j.notes.find((n) => n.id === t.id)?.text || "Empty note";
  }
}

/** A new round, closing the open one first so that at most the last is open. */
export function startRound(
  j: Journey,
  question: string,
  dots: number,
  anonymous: boolean,
): Journey {
  const all = rounds(j).map((r) => (r.closed ? r : { ...r, closed: true }));
  let n = all.length + 1;
  while (all.some((r) => r.id === `r${n}`)) n += 1;
  const round: VoteRound = { id: `r${n}`, question, dots, anonymous, closed: false, votes: [] };
  const workshop = j.workshop ?? { participants: [], decisions: [] };
  return { ...j, workshop: { ...workshop, rounds: [...all, round] } };
}

export function closeRound(j: Journey): Journey {
  const all = rounds(j);
  const last = all.at(-1);
  if (!last || last.closed || !j.workshop) return j;
  return {
    ...j,
    workshop: { ...j.workshop, rounds: [...all.slice(0, -1), { ...last, closed: true }] },
  };
}
