// Generated from crates/milepost/src/journey/vocabulary.rs by `make bindings`; do not edit.
import type { Channel } from "./Channel";
import type { Effort } from "./Effort";
import type { ScoreField } from "./ScoreField";
import type { Support } from "./Support";
import type { Trigger } from "./Trigger";

export const CHANNELS: { value: Channel; label: string }[] = [
  { value: "meeting", label: "Meeting" },
  { value: "call", label: "Call" },
  { value: "email", label: "Email" },
  { value: "in_app", label: "In-app" },
  { value: "webinar", label: "Webinar" },
  { value: "training", label: "Training" },
  { value: "content", label: "Content" },
  { value: "automated", label: "Automated" },
];

export const EFFORTS: { value: Effort; label: string }[] = [
  { value: "low", label: "Low" },
  { value: "medium", label: "Medium" },
  { value: "high", label: "High" },
];

export const SUPPORTS: { value: Support; label: string }[] = [
  { value: "high_touch", label: "High touch" },
  { value: "low_touch", label: "Low touch" },
  { value: "tech_touch", label: "Tech touch" },
  { value: "do_not_invest", label: "Do not invest" },
];

/** The stakeholder scores (1–10); effort and complexity count lower as better. */
export const SCORES: { value: ScoreField; label: string }[] = [
  { value: "purpose", label: "Purpose" },
  { value: "intent", label: "Intent" },
  { value: "desire", label: "Desire" },
  { value: "skills", label: "Skills" },
  { value: "revenue_impact", label: "Impact on revenue" },
  { value: "modularity", label: "Modularity" },
  { value: "effort", label: "Effort" },
  { value: "complexity", label: "Complexity" },
];

export const LOWER_IS_BETTER: ScoreField[] = ["effort", "complexity"];

export const TRIGGERS: { value: Trigger["kind"]; label: string }[] = [
  { value: "manual", label: "Manual" },
  { value: "stage_entered", label: "On entering the stage" },
  { value: "milestone_reached", label: "When a milestone is reached" },
  { value: "health_red", label: "When health turns red" },
  { value: "stuck", label: "Stuck for N days" },
  { value: "recurring", label: "Every N days" },
  { value: "in_quadrant", label: "When in a matrix quadrant" },
];

/** The files the import reads (CSV and text, and spreadsheets). */
export const DATA_FILE_EXTENSIONS: string[] = ["csv", "tsv", "txt", "xlsx", "xlsm", "xlsb", "xls", "ods"];
