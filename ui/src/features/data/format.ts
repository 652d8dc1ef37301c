// Times and rates for the import's progress, as people read them (its numbers are the
// app's own — rows read so far — so they are formatted here, not by the core).

/** `0:42`, `3:05`, `1:02:10` — for ETAs and durations. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${rest}` : `${m}:${rest}`;
}

/** Rows per second and time left, from what was read of the whole (bytes or rows). */
export function rate(
  rows: number,
  done: number,
  total: number,
  seconds: number,
): { perSecond: number; eta: number | null; fraction: number } {
  const fraction = total > 0 ? Math.min(1, done / total) : 0;
  const perSecond = seconds > 0 ? rows / seconds : 0;
  const eta = fraction > 0 && fraction < 1 ? (seconds * (1 - fraction)) / fraction : null;
  return { perSecond, eta, fraction };
}
