import type { Journey } from "../bindings/Journey";
import type { Milestone } from "../bindings/Milestone";

/** The app's one number format, for counts it makes itself (rows shown, items picked);
 * every number the core computes arrives as the core's text. */
const WHOLE = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** `12,345`. */
export function count(n: number): string {
  return WHOLE.format(n);
}

/** `1 customer`, `2,000 customers`: the count with thousands separators, and the word. */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${WHOLE.format(n)} ${n === 1 ? word : many}`;
}

/** Every milestone in funnel order: stage order, then milestone order. */
export function allMilestones(journey: Journey): Milestone[] {
  return journey.stages.flatMap((s) => s.milestones);
}

/** A readable, file- and id-safe form of a name: `"Réunion d'équipe!"` → `reunion-d-equipe`. */
export function slug(name: string, maxLength = 40): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength);
}
