// Short forms of a journey object's own fields for the canvas cards (its criterion rule,
// channel, effort, target). Sentences (triggers, health rules) are the core's:
// `useJourneyWords`.
import type { Activity } from "../../bindings/Activity";
import type { Criterion } from "../../bindings/Criterion";
import type { Journey } from "../../bindings/Journey";
import type { Metric } from "../../bindings/Metric";
import { CHANNELS, EFFORTS } from "../../bindings/vocabulary";

const OPS: Record<Criterion["op"], string> = {
  ">=": "≥",
  ">": ">",
  "<=": "≤",
  "<": "<",
  "==": "=",
};
const AGGREGATES: Record<Criterion["aggregate"], string> = {
  count: "count",
  sum: "total",
  min: "lowest",
  max: "highest",
  last: "latest",
  distinct_days: "days with it",
};

/** The rule part of a criterion in words for a card: `count ≥ 3 · last 30 d`. */
export function criterionRule(c: Criterion): string {
  const rule = `${AGGREGATES[c.aggregate]} ${OPS[c.op]} ${c.value}`;
  return c.window_days == null ? rule : `${rule} · last ${c.window_days} d`;
}

export function channelText(a: Activity): string | null {
  return a.channel ? (CHANNELS.find((c) => c.value === a.channel)?.label ?? a.channel) : null;
}

export function effortText(a: Activity): string | null {
  const label = EFFORTS.find((e) => e.value === a.effort)?.label;
  return label ? `${label} effort` : null;
}

export function targetText(m: Metric): string | null {
  if (m.target == null) return null;
  const op = m.direction === "higher" ? "≥" : "≤";
  return `Target ${op} ${m.target}${m.unit ? ` ${m.unit}` : ""}`;
}

export type HealthColour = "green" | "grey" | "red";
export const HEALTH_COLOURS: HealthColour[] = ["green", "grey", "red"];
/** The health colours whose action is this activity. */
export function actionColours(a: Activity, journey: Journey): HealthColour[] {
  const h = journey.stages.find((s) => s.id === a.stage)?.health;
  return h ? HEALTH_COLOURS.filter((c) => h[`${c}_action`] === a.id) : [];
}
