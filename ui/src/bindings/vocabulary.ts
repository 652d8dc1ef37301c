// Generated from crates/milepost/src/journey/vocabulary.rs by `make bindings`; do not edit.
import type { Channel } from "./Channel";
import type { Corner } from "./Corner";
import type { Effort } from "./Effort";
import type { ScoreField } from "./ScoreField";
import type { StepText } from "./StepText";
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

/** A matrix's corners in reading order, with the words for an unnamed quadrant. */
export const CORNERS: { value: Corner; label: string }[] = [
  { value: "top_left", label: "Top left" },
  { value: "top_right", label: "Top right" },
  { value: "bottom_left", label: "Bottom left" },
  { value: "bottom_right", label: "Bottom right" },
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

/** The funnel's numbers: one name and one meaning in the app, the CLI and the PDF. */
export const FUNNEL_COLUMNS: { key: keyof StepText; name: string; help: string }[] = [
  { key: "reached", name: "Reached", help: "Customers who reached the milestone" },
  { key: "conversion_from_previous", name: "From previous", help: "Of the customers who reached the milestone before (the first: of all the funnel's customers), the share who reached this one" },
  { key: "conversion_from_start", name: "From start", help: "Of all the funnel's customers, the share who reached the milestone" },
  { key: "median_days_from_start", name: "Median days from start", help: "Median days from a customer's start date to reaching the milestone" },
  { key: "p75_days_from_start", name: "P75 days from start", help: "Three customers in four reached the milestone within this many days of their start" },
  { key: "median_days_from_previous", name: "Median days from previous", help: "Median days from reaching the milestone before (the first: from the start date)" },
  { key: "churned", name: "Churned", help: "Customers who churned with this as their furthest milestone" },
  { key: "churn_rate", name: "Churn rate", help: "Of the customers whose furthest milestone is this one, the share who churned" },
];
