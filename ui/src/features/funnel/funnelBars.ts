// Where the funnel chart's bars go: each as wide as its share of the funnel's customers.
import type { Funnel } from "../../bindings/Funnel";
import type { FunnelStep } from "../../bindings/FunnelStep";

/** The narrowest bar drawn, as a share of the full width, so an empty step still shows. */
export const MIN_WIDTH = 0.006;
/** Below this share of the width the words do not fit inside and go beside the bar. */
export const LABEL_INSIDE = 0.22;

export interface Bar {
  step: FunnelStep;
  /** Share of the full width, proportional to customers reached. */
  width: number;
  inside: boolean;
}

export function barLayout(funnel: Funnel): Bar[] {
  const all = Math.max(1, funnel.customers);
  return funnel.milestones.map((m) => {
    const share = m.reached / all;
    return { step: m, width: Math.max(MIN_WIDTH, share), inside: share >= LABEL_INSIDE };
  });
}
