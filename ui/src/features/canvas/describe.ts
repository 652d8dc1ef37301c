// Words and short forms for journey objects, shared by the canvas cards.
import type { Activity } from "../../bindings/Activity";
import type { Criterion } from "../../bindings/Criterion";
import type { Journey } from "../../bindings/Journey";
import type { Metric } from "../../bindings/Metric";
import type { Stage } from "../../bindings/Stage";
import { CHANNELS, EFFORTS, TRIGGERS } from "../../bindings/vocabulary";
import { HEALTH_WORDS } from "../../components/health";
import { allMilestones } from "../../components/text";
import { quadrantName } from "../matrices/quadrants";

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

/** A configured trigger in words: the kind's words (one list, from the core), or with
 * its milestone or days filled in. */
export function triggerText(a: Activity, journey: Journey): string {
  const t = a.trigger;
  const words = (kind: string) => TRIGGERS.find((x) => x.value === kind)?.label ?? kind;
  if (!t) return words("manual");
  switch (t.kind) {
    case "manual":
    case "stage_entered":
    case "health_red":
      return words(t.kind);
    case "milestone_reached": {
      const m = allMilestones(journey).find((x) => x.id === t.milestone);
      return `When “${m?.name ?? t.milestone}” is reached`;
    }
    case "stuck":
      return `Stuck more than ${t.days} days`;
    case "recurring":
      return `Every ${t.every_days} days`;
    case "in_quadrant": {
      const m = journey.matrices.find((x) => x.id === t.matrix);
      return m
        ? `In “${quadrantName(m, t.quadrant)}” of ${m.name}`
        : `In a quadrant of ${t.matrix}`;
    }
  }
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
export const HEALTH_NAMES: Record<HealthColour, string> = {
  green: "On track",
  grey: "Caution",
  red: "Warning",
};

/** How long a customer in the stage stays each colour, in days where the stage has an
 * expected duration: green `≤ 36 d`, grey `≤ 45 d` (caution up to that), red `> 45 d`;
 * plus how many metrics also colour it. Null without health rules. */
export function healthBands(
  stage: Stage,
): (Record<HealthColour, string> & { metrics: number }) | null {
  const h = stage.health;
  if (!h) return null;
  const days = stage.expected_days;
  const at = (percent: number) =>
    days != null ? `${Math.round((days * percent) / 100)} d` : `${percent} %`;
  const grey = h.grey_after_percent;
  const red = h.red_after_percent;
  const firstTurn = grey ?? red;
  return {
    green: firstTurn != null ? `≤ ${at(firstTurn)}` : "—",
    grey: grey != null ? (red != null ? `≤ ${at(red)}` : `> ${at(grey)}`) : "—",
    red: red != null ? `> ${at(red)}` : "—",
    metrics: h.metrics.length,
  };
}

/** What each colour means in a stage, in words for a tooltip or a legend:
 * "Red, warning: more than 68 days in Onboard; or a metric at its red threshold". */
export function healthBandWords(stage: Stage): Record<HealthColour, string> | null {
  const h = stage.health;
  if (!h) return null;
  const days = stage.expected_days;
  const at = (percent: number) =>
    days != null
      ? `${Math.round((days * percent) / 100)} days`
      : `${percent} % of the expected time`;
  const { grey_after_percent: grey, red_after_percent: red } = h;
  const first = grey ?? red;
  const where = ` in ${stage.name}`;
  const byDays: Record<HealthColour, string> = {
    green: first != null ? `up to ${at(first)}${where}` : "",
    grey:
      grey != null
        ? red != null
          ? `more than ${at(grey)} and up to ${at(red)}${where}`
          : `more than ${at(grey)}${where}`
        : "",
    red: red != null ? `more than ${at(red)}${where}` : "",
  };
  const byMetric: Record<HealthColour, string> = {
    green: "every metric at its green threshold",
    grey: "a metric between its thresholds",
    red: "a metric at its red threshold",
  };
  const words = (c: HealthColour) =>
    [byDays[c], h.metrics.length > 0 ? byMetric[c] : ""].filter(Boolean).join("; or ") || "—";
  return {
    green: `${HEALTH_WORDS.green}: ${words("green")}`,
    grey: `${HEALTH_WORDS.grey}: ${words("grey")}`,
    red: `${HEALTH_WORDS.red}: ${words("red")}`,
  };
}

/** The health colours whose action is this activity. */
export function actionColours(a: Activity, journey: Journey): HealthColour[] {
  const h = journey.stages.find((s) => s.id === a.stage)?.health;
  return h ? HEALTH_COLOURS.filter((c) => h[`${c}_action`] === a.id) : [];
}
