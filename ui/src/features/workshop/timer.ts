// The workshop timer as plain data: which agenda step runs, and when it ends (running)
// or how much of it is left (paused). Pure functions of the clock, so they are tested
// without waiting.

export interface TimerState {
  /** Index into the agenda. */
  step: number;
  /** When the step's time is up, in ms since the epoch; null while paused. */
  endsAt: number | null;
  /** What is left while paused, in ms. */
  leftMs: number;
}

const MINUTE = 60_000;

export function start(step: number, minutes: number, now: number): TimerState {
  return { step, endsAt: now + minutes * MINUTE, leftMs: minutes * MINUTE };
}

/** Milliseconds left (negative once the time is up). */
export function left(t: TimerState, now: number): number {
  return t.endsAt === null ? t.leftMs : t.endsAt - now;
}

export function pause(t: TimerState, now: number): TimerState {
  return t.endsAt === null ? t : { ...t, endsAt: null, leftMs: t.endsAt - now };
}

export function resume(t: TimerState, now: number): TimerState {
  return t.endsAt === null ? { ...t, endsAt: now + t.leftMs } : t;
}

export function extend(t: TimerState, minutes: number): TimerState {
  const by = minutes * MINUTE;
  return t.endsAt === null ? { ...t, leftMs: t.leftMs + by } : { ...t, endsAt: t.endsAt + by };
}

/** "14:59", "0:05"; once over, "+1:12" (how long over). Whole seconds, rounded up while
 * counting down so "0:00" shows only when the time is really up. */
export function clock(ms: number): string {
  const over = ms < 0;
  const seconds = over ? Math.floor(-ms / 1000) : Math.ceil(ms / 1000);
  const text = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
  return over ? `+${text}` : text;
}
