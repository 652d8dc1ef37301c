// Health colours in words (seed 003's paths): the same words in the customer panel, the
// canvas legend and tooltips, so nobody has to guess what a dot means.
import type { Health } from "../bindings/Health";

export const HEALTH_WORDS: Record<Health, string> = {
  green: "Green, on track",
  grey: "Grey, caution",
  red: "Red, warning",
};
