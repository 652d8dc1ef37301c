// The workshop agenda's running step: its timer state, started from the agenda, and the
// countdown shown over the board (large while presenting).
import { useState } from "react";
import type { AgendaStep } from "../../bindings/AgendaStep";
import { Timer } from "../workshop/Timer";
import {
  extend as extendTimer,
  pause as pauseTimer,
  resume as resumeTimer,
  start as startTimer,
  type TimerState,
} from "../workshop/timer";

export interface AgendaClock {
  timer: TimerState | null;
  /** Starts the agenda's step by index; past the last step, the timer stops. */
  start: (step: number) => void;
  pause: () => void;
  resume: () => void;
  extend: () => void;
  next: () => void;
  stop: () => void;
}

export function useAgendaClock(agenda: AgendaStep[]): AgendaClock {
  const [timer, setTimer] = useState<TimerState | null>(null);
  const start = (i: number) => {
    const step = agenda[i];
    setTimer(step ? startTimer(i, step.minutes, Date.now()) : null);
  };
  return {
    timer,
    start,
    pause: () => setTimer((t) => t && pauseTimer(t, Date.now())),
    resume: () => setTimer((t) => t && resumeTimer(t, Date.now())),
    extend: () => setTimer((t) => t && extendTimer(t, 5)),
    next: () => timer && start(timer.step + 1),
    stop: () => setTimer(null),
  };
}

interface Props {
  agenda: AgendaStep[];
  clock: AgendaClock;
  /** Larger, for the presenter view. */
  large: boolean;
}

export function AgendaTimer({ agenda, clock, large }: Props) {
  if (!clock.timer) return null;
  return (
    <Timer
      agenda={agenda}
      timer={clock.timer}
      large={large}
      onPause={clock.pause}
      onResume={clock.resume}
      onExtend={clock.extend}
      onNext={clock.next}
      onStop={clock.stop}
    />
  );
}
