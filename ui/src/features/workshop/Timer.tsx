// The countdown the room sees: the agenda step, and the time left in large, calm type.
// At the end it turns amber and counts the overrun; no sound.
import { useEffect, useState } from "react";
import type { AgendaStep } from "../../bindings/AgendaStep";
import { clock, left, type TimerState } from "./timer";

interface Props {
  agenda: AgendaStep[];
  timer: TimerState;
  /** Larger, for the presenter view. */
  large?: boolean;
  onPause: () => void;
  onResume: () => void;
  onExtend: () => void;
  onNext: () => void;
  onStop: () => void;
}

export function Timer({
  agenda,
  timer,
  large,
  onPause,
  onResume,
  onExtend,
  onNext,
  onStop,
}: Props) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(tick);
  }, []);
  const step = agenda[timer.step];
  if (!step) return null;
  const ms = left(timer, now);
  const paused = timer.endsAt === null;
  const cls = [
    "timer",
    large ? "timer-large" : "",
    ms <= 0 ? "timer-up" : "",
    paused ? "timer-paused" : "",
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={cls} role="timer" aria-live="off" data-testid="timer">
      <div className="timer-step">
        Step {timer.step + 1} of {agenda.length} · {step.title}
      </div>
      <div className="timer-time" data-testid="timer-time">
        {clock(ms)}
      </div>
      <div className="timer-note">
        {ms <= 0 ? "Time is up" : paused ? "Paused" : `of ${step.minutes} min`}
      </div>
      <div className="timer-actions">
        {paused ? (
          <button
            type="button"
            className="button button-quiet"
            onClick={onResume}
            data-testid="timer-resume"
          >
            Resume
          </button>
        ) : (
          <button
            type="button"
            className="button button-quiet"
            onClick={onPause}
            data-testid="timer-pause"
          >
            Pause
          </button>
        )}
        <button
          type="button"
          className="button button-quiet"
          onClick={onExtend}
          data-testid="timer-extend"
        >
          +5 min
        </button>
        <button
          type="button"
          className="button button-quiet"
          onClick={onNext}
          data-testid="timer-next"
        >
          {timer.step + 1 < agenda.length ? "Next step" : "Finish"}
        </button>
        <button
          type="button"
          className="button button-quiet"
          onClick={onStop}
          aria-label="Stop the timer"
          data-testid="timer-stop"
        >
          ✕
        </button>
      </div>
    </div>
  );
}
