//! The interchange file `milepost/journey@1`: reading with a full list of problems, each
//! with its place (`stages[1].milestones[0].criteria[2].op: unknown operator "=>"`), and
//! writing in one canonical form, so export → import → export is byte-identical.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::Path;
use std::sync::OnceLock;

use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::paths::LocationSegment;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::model::Journey;

/// The format tag this version reads and writes.
pub const FORMAT: &str = "milepost/journey@1";
const FORMAT_PREFIX: &str = "milepost/journey@";
const FORMAT_VERSION: u32 = 1;

/// The file as written: the format tag, then the journey.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Milepost journey file (milepost/journey@1)")]
struct JourneyFile {
    /// Always "milepost/journey@1".
    format: String,
    #[serde(flatten)]
    journey: Journey,
    /// The numbers as they were when the file was exported (as-of date, funnel, customers
    /// per stage by health, quadrant counts): for people and other tools to read. Milepost
    /// ignores it on import; the journey is what it reads.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    analytics: Option<Value>,
}

/// One thing wrong with a journey file, and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Problem {
    /// Where in the file, e.g. `stages[1].milestones[0].criteria[2].op`; empty for the
    /// file as a whole.
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl Problem {
    fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            message: message.into(),
        }
    }
}

/// Writes the canonical file text: pretty JSON, fields in model order, trailing newline.
pub fn to_string(journey: &Journey) -> String {
    to_string_with(journey, None)
}

/// The file text with an analytics snapshot after the journey (see `JourneyFile`).
pub fn to_string_with(journey: &Journey, analytics: Option<Value>) -> String {
    let file = JourneyFile {
        format: FORMAT.to_owned(),
        journey: journey.clone(),
        analytics,
    };
    let mut text = serde_json::to_string_pretty(&file).expect("a journey always serialises");
    text.push('\n');
    text
}

/// Reads a journey file, or lists every problem found in it.
pub fn parse(text: &str) -> Result<Journey, Vec<Problem>> {
    if text.len() > MAX_FILE_BYTES {
        return Err(vec![Problem::new(
            "",
            format!(
                "the file is {}; a journey file is at most {}",
                crate::format::bytes(text.len() as u64),
                crate::format::bytes(MAX_FILE_BYTES as u64)
            ),
        )]);
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|e| {
        vec![Problem::new(
            "",
            format!(
                "not valid JSON at line {}, column {}: {}",
                e.line(),
                e.column(),
                json_error_reason(&e)
            ),
        )]
    })?;
    check_format(&value)?;
    let mut value = value;
    upgrade(&mut value);

    let mut problems: Vec<Problem> = schema_validator()
        .iter_errors(&value)
        .map(|e| schema_problem(&e))
        .collect();
    problems.extend(check_meaning(&value));
    problems.dedup();
    if !problems.is_empty() {
        return Err(problems);
    }
    let file: JourneyFile = serde_json::from_value(value)
        .map_err(|e| vec![Problem::new("", format!("cannot be read: {e}"))])?;
    Ok(file.journey)
}

/// Reads a journey Milepost itself stored in the file format (a saved version): exactly as
/// it was saved, without the checks a file from elsewhere gets, so a version taken while
/// an edit left, say, a play pointing at a deleted stage still reads back.
pub fn parse_stored(text: &str) -> Result<Journey, Problem> {
    let mut value: Value =
        serde_json::from_str(text).map_err(|e| Problem::new("", format!("not valid JSON: {e}")))?;
    upgrade(&mut value);
    serde_json::from_value::<JourneyFile>(value)
        .map(|f| f.journey)
        .map_err(|e| Problem::new("", format!("cannot be read: {e}")))
}

/// Brings a file written by an earlier version of the format up to date: a matrix
/// quadrant's `action` is now its `rationale`.
fn upgrade(root: &mut Value) {
    for m in root
        .get_mut("matrices")
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
    {
        for q in m
            .get_mut("quadrants")
            .and_then(Value::as_array_mut)
            .into_iter()
            .flatten()
        {
            if let Some(q) = q.as_object_mut()
                && !q.contains_key("rationale")
                && let Some(action) = q.remove("action")
            {
                q.insert("rationale".into(), action);
            }
        }
    }
}

/// Reads and checks a journey file from disk.
pub fn read(path: &Path) -> crate::Result<Journey> {
    let io = |source| crate::Error::Io {
        path: path.to_owned(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_FILE_BYTES as u64 {
        return Err(crate::Error::InvalidJourney {
            source_name: path.display().to_string(),
            problems: vec![Problem::new(
                "",
                format!(
                    "the file is {}; a journey file is at most {}",
                    crate::format::bytes(size),
                    crate::format::bytes(MAX_FILE_BYTES as u64)
                ),
            )],
        });
    }
    let text = std::fs::read_to_string(path).map_err(|source| crate::Error::Io {
        path: path.to_owned(),
        source,
    })?;
    parse(&text).map_err(|problems| crate::Error::InvalidJourney {
        source_name: path.display().to_string(),
        problems,
    })
}

/// Writes a journey file; the old file stays intact until the new one is complete.
pub fn write(path: &Path, journey: &Journey) -> crate::Result<()> {
    crate::fs::write_atomic(path, to_string(journey).as_bytes())
}

/// Checks that every text of a journey the editor saves is within its limit.
pub fn check_text_limits(journey: &Journey) -> Result<(), Vec<Problem>> {
    let mut problems = Vec::new();
    let value = serde_json::to_value(journey).expect("a journey always serialises");
    check_lengths(&value, "", &mut problems);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// Checks a journey that did not come from a file (the editor, a template).
pub fn validate(journey: &Journey) -> Result<(), Vec<Problem>> {
    parse(&to_string(journey)).map(|_| ())
}

/// The published JSON Schema of the file (`docs/journey.schema.json`).
pub fn json_schema() -> Value {
    let mut schema =
        serde_json::to_value(schemars::schema_for!(JourneyFile)).expect("the schema serialises");
    schema["properties"]["format"]["const"] = Value::String(FORMAT.to_owned());
    tighten(&mut schema);
    schema
}

/// Makes the schema as strict as the reader: a misspelt field is an error, not silently
/// dropped, and whole numbers must fit the type that holds them.
fn tighten(schema: &mut Value) {
    match schema {
        Value::Object(map) => {
            if map.get("type").and_then(Value::as_str) == Some("object")
                && map.contains_key("properties")
            {
                map.insert("additionalProperties".into(), Value::Bool(false));
            }
            if map.get("format").and_then(Value::as_str) == Some("uint32") {
                map.insert("maximum".into(), Value::from(u32::MAX));
            }
            map.values_mut().for_each(tighten);
        }
        Value::Array(items) => items.iter_mut().for_each(tighten),
        _ => {}
    }
}

fn schema_validator() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        jsonschema::validator_for(&json_schema()).expect("the generated schema is valid")
    })
}

fn json_error_reason(e: &serde_json::Error) -> String {
    // serde_json appends " at line L column C"; we already said where.
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

fn check_format(value: &Value) -> Result<(), Vec<Problem>> {
    let Some(object) = value.as_object() else {
        return Err(vec![Problem::new(
            "",
            "expected a JSON object with \"format\": \"milepost/journey@1\"",
        )]);
    };
    match object.get("format") {
        Some(Value::String(f)) if f == FORMAT => Ok(()),
        Some(Value::String(f)) => {
            let newer = f
                .strip_prefix(FORMAT_PREFIX)
                .and_then(|v| v.parse::<u32>().ok())
                .filter(|v| *v > FORMAT_VERSION);
            let message = match newer {
                Some(_) => format!(
                    "\"{f}\" was written by a newer version of Milepost; this version reads {FORMAT}. Update Milepost to open it."
                ),
                None => format!("unknown format \"{f}\" (expected \"{FORMAT}\")"),
            };
            Err(vec![Problem::new("format", message)])
        }
        Some(other) => Err(vec![Problem::new(
            "format",
            format!("expected \"{FORMAT}\", found {other}"),
        )]),
        None => Err(vec![Problem::new(
            "format",
            format!("missing; a journey file starts with \"format\": \"{FORMAT}\""),
        )]),
    }
}

fn path_of(location: &jsonschema::paths::Location) -> String {
    let mut path = String::new();
    for segment in location {
        match segment {
            LocationSegment::Property(name) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(&name);
            }
            LocationSegment::Index(i) => {
                path.push_str(&format!("[{i}]"));
            }
        }
    }
    path
}

fn join(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_owned()
    } else {
        format!("{path}.{field}")
    }
}

fn last_field(path: &str) -> &str {
    path.rsplit('.').next().unwrap_or(path)
}

/// The words a field with a fixed set of values accepts, read from the same schema the file
/// is checked against, so messages never disagree with the format.
fn choices(field: &str) -> Option<(&'static str, Vec<String>)> {
    use super::model::{Aggregate, Channel, Direction, Effort, NoteColor, Op, ScoreField};
    fn values<T: JsonSchema>() -> Vec<String> {
        // schemars writes plain variants as `enum` and documented ones as `oneOf` of `const`s.
        fn collect(schema: &Value, out: &mut Vec<String>) {
            if let Some(c) = schema["const"].as_str() {
                out.push(c.to_owned());
            }
            for v in schema["enum"].as_array().into_iter().flatten() {
                out.extend(v.as_str().map(str::to_owned));
            }
            for s in schema["oneOf"].as_array().into_iter().flatten() {
                collect(s, out);
            }
        }
        let mut out = Vec::new();
        collect(
            &serde_json::to_value(schemars::schema_for!(T)).unwrap_or_default(),
            &mut out,
        );
        out
    }
    Some(match field {
        "op" => ("operator", values::<Op>()),
        "aggregate" => ("aggregate", values::<Aggregate>()),
        "direction" => ("direction", values::<Direction>()),
        "channel" => ("channel", values::<Channel>()),
        "effort" => ("effort", values::<Effort>()),
        "color" => ("colour", values::<NoteColor>()),
        "field" => ("axis field", {
            let mut v = values::<ScoreField>();
            v.extend(["arr", "{\"attribute\": NAME}", "{\"metric\": ID}"].map(String::from));
            v
        }),
        _ => return None,
    })
}

fn schema_problem(error: &jsonschema::ValidationError<'_>) -> Problem {
    let path = path_of(error.instance_path());
    let found = error.instance();
    match error.kind() {
        ValidationErrorKind::Required { property } => Problem::new(
            join(&path, property.as_str().unwrap_or_default()),
            "missing",
        ),
        ValidationErrorKind::Enum { .. }
        | ValidationErrorKind::OneOfNotValid { .. }
        | ValidationErrorKind::AnyOf { .. }
            if choices(last_field(&path)).is_some() =>
        {
            let (what, options) = choices(last_field(&path)).expect("checked in the guard");
            Problem::new(
                &path,
                format!(
                    "unknown {what} {found} (expected one of {})",
                    options.join(", ")
                ),
            )
        }
        ValidationErrorKind::Type { kind } => {
            let expected = match kind {
                TypeKind::Single(t) => format!("{t}"),
                TypeKind::Multiple(set) => set
                    .iter()
                    .map(|t| t.to_string())
                    .collect::<Vec<_>>()
                    .join(" or "),
            };
            let expected = expected.replace("integer", "whole number");
            Problem::new(&path, format!("expected {expected}, found {found}"))
        }
        ValidationErrorKind::AdditionalProperties { unexpected } => Problem::new(
            &path,
            format!(
                "unknown field{} {}",
                if unexpected.len() == 1 { "" } else { "s" },
                unexpected
                    .iter()
                    .map(|f| format!("\"{f}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ),
        ValidationErrorKind::Minimum { limit } => {
            Problem::new(&path, format!("must be at least {limit}, found {found}"))
        }
        ValidationErrorKind::Maximum { limit } => {
            Problem::new(&path, format!("must be at most {limit}, found {found}"))
        }
        ValidationErrorKind::OneOfNotValid { .. } | ValidationErrorKind::AnyOf { .. }
            if last_field(&path) == "trigger" =>
        {
            Problem::new(&path, trigger_problem(found))
        }
        _ => Problem::new(&path, error.to_string()),
    }
}

/// What is wrong with a trigger, in words: the kinds and what each needs.
fn trigger_problem(found: &Value) -> String {
    const KINDS: [(&str, &str); 7] = [
        ("manual", ""),
        ("stage_entered", ""),
        ("milestone_reached", "milestone (a milestone id)"),
        ("health_red", ""),
        ("stuck", "days (a whole number, at least 1)"),
        ("recurring", "every_days (a whole number, at least 1)"),
        (
            "in_quadrant",
            "matrix (a matrix id) and quadrant (top_left, top_right, bottom_left or bottom_right)",
        ),
    ];
    let kind = found.get("kind").and_then(Value::as_str);
    match KINDS.iter().find(|(k, _)| Some(*k) == kind) {
        Some((k, needs)) if !needs.is_empty() => {
            format!("a \"{k}\" trigger needs {needs}, found {found}")
        }
        Some((k, _)) => format!("a \"{k}\" trigger takes no other fields, found {found}"),
        None => format!(
            "unknown trigger {found} (expected kind {})",
            KINDS.iter().map(|(k, _)| *k).collect::<Vec<_>>().join(", ")
        ),
    }
}

/// The longest name or id (in characters): longer is a mistake or an attack, and would
/// not fit a card, a page or an image (a 50 MB name once asked the PNG export for 188 GB).
pub const MAX_NAME: usize = 200;
/// The longest other text (a description, a note, a task's details).
pub const MAX_TEXT: usize = 20_000;
/// The largest journey file read.
pub const MAX_FILE_BYTES: usize = 20_000_000;

/// Every text in the file within its limit.
fn check_lengths(v: &Value, path: &str, problems: &mut Vec<Problem>) {
    match v {
        Value::Object(map) => {
            for (key, child) in map {
                let at = join(path, key);
                match child {
                    Value::String(t) => {
                        let limit = if matches!(
                            key.as_str(),
                            "name" | "id" | "title" | "event" | "label"
                        ) {
                            MAX_NAME
                        } else {
                            MAX_TEXT
                        };
                        let n = t.chars().count();
                        if n > limit {
                            problems.push(Problem::new(
                                at,
                                format!(
                                    "is {} characters long; at most {} are kept",
                                    crate::format::count(n as u64),
                                    crate::format::count(limit as u64)
                                ),
                            ));
                        }
                    }
                    _ => check_lengths(child, &at, problems),
                }
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                let at = format!("{path}[{i}]");
                if let Value::String(t) = child
                    && t.chars().count() > MAX_NAME
                {
                    problems.push(Problem::new(
                        at,
                        format!("is longer than {MAX_NAME} characters"),
                    ));
                } else {
                    check_lengths(child, &at, problems);
                }
            }
        }
        _ => {}
    }
}

/// Checks what a schema cannot: ids, names and references. Works on the raw value so it
/// runs even where the schema found problems, and the person gets every problem at once.
fn check_meaning(root: &Value) -> Vec<Problem> {
    let mut problems = Vec::new();
    check_lengths(root, "", &mut problems);
    let list = |v: &Value, key: &str| -> Vec<Value> {
        v.get(key)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    let text = |v: &Value, key: &str| v.get(key).and_then(Value::as_str).map(str::to_owned);
    let mut require = |path: String, v: &Value, key: &str| {
        if let Some(t) = v.get(key).and_then(Value::as_str)
            && t.trim().is_empty()
        {
            problems.push(Problem::new(join(&path, key), "must not be empty"));
        }
    };

    let stages = list(root, "stages");
    let roles = list(root, "roles");
    let activities = list(root, "activities");
    let metrics = list(root, "metrics");
    let matrices = list(root, "matrices");
    let notes = list(root, "notes");

    let mut no_criteria = Vec::new();
    require(String::new(), root, "name");
    for (i, s) in stages.iter().enumerate() {
        require(format!("stages[{i}]"), s, "name");
        for (j, m) in list(s, "milestones").iter().enumerate() {
            let at = format!("stages[{i}].milestones[{j}]");
            require(at.clone(), m, "name");
            // Left out or empty: the same milestone no customer can reach (a fuzzer found
            // the missing one read, then written back as [] that did not read again).
            match m.get("criteria") {
                None => no_criteria.push(join(&at, "criteria")),
                Some(Value::Array(c)) if c.is_empty() => no_criteria.push(join(&at, "criteria")),
                _ => {}
            }
            for (k, c) in list(m, "criteria").iter().enumerate() {
                require(format!("{at}.criteria[{k}]"), c, "event");
            }
            for (k, t) in list(m, "tasks").iter().enumerate() {
                require(format!("{at}.tasks[{k}]"), t, "title");
            }
        }
    }
    for (kind, items) in [
        ("roles", &roles),
        ("activities", &activities),
        ("matrices", &matrices),
    ] {
        for (i, x) in items.iter().enumerate() {
            require(format!("{kind}[{i}]"), x, "name");
        }
    }
    for (i, m) in metrics.iter().enumerate() {
        require(format!("metrics[{i}]"), m, "name");
        require(format!("metrics[{i}]"), m, "event");
    }
    problems.extend(no_criteria.into_iter().map(|at| {
        Problem::new(
            at,
            "a milestone needs at least one criterion (what a customer does to reach it); with none, no customer would ever reach it or any milestone after it",
        )
    }));

    let ids = |kind: &str, items: &[Value]| -> Vec<(String, Option<String>)> {
        items
            .iter()
            .enumerate()
            .map(|(i, x)| (format!("{kind}[{i}].id"), text(x, "id")))
            .collect()
    };
    let milestone_ids: Vec<(String, Option<String>)> = stages
        .iter()
        .enumerate()
        .flat_map(|(i, s)| {
            list(s, "milestones")
                .iter()
                .enumerate()
                .map(|(j, m)| (format!("stages[{i}].milestones[{j}].id"), text(m, "id")))
                .collect::<Vec<_>>()
        })
        .collect();
    let stage_ids = Ids::collect("stage", &ids("stages", &stages), &mut problems);
    let milestone_ids = Ids::collect("milestone", &milestone_ids, &mut problems);
    let role_ids = Ids::collect("role", &ids("roles", &roles), &mut problems);
    let activity_ids = Ids::collect("activity", &ids("activities", &activities), &mut problems);
    let metric_ids = Ids::collect("metric", &ids("metrics", &metrics), &mut problems);
    let matrix_ids = Ids::collect("matrix", &ids("matrices", &matrices), &mut problems);
    Ids::collect("note", &ids("notes", &notes), &mut problems);
    let phases = list(root, "phases");
    let capabilities = list(root, "capabilities");
    let phase_ids = Ids::collect("phase", &ids("phases", &phases), &mut problems);
    Ids::collect(
        "capability",
        &ids("capabilities", &capabilities),
        &mut problems,
    );

    fn refers(problems: &mut Vec<Problem>, ids: &Ids, path: String, target: Option<&Value>) {
        if let Some(id) = target.and_then(Value::as_str) {
            ids.check(&path, id, problems);
        }
    }
    for (i, r) in roles.iter().enumerate() {
        for (j, s) in list(r, "stages").iter().enumerate() {
            refers(
                &mut problems,
                &stage_ids,
                format!("roles[{i}].stages[{j}]"),
                Some(s),
            );
        }
    }
    for (i, a) in activities.iter().enumerate() {
        let at = format!("activities[{i}]");
        refers(
            &mut problems,
            &stage_ids,
            format!("{at}.stage"),
            a.get("stage"),
        );
        refers(
            &mut problems,
            &role_ids,
            format!("{at}.role"),
            a.get("role"),
        );
        let mut seen = HashSet::new();
        for (j, m) in list(a, "milestones").iter().enumerate() {
            refers(
                &mut problems,
                &milestone_ids,
                format!("{at}.milestones[{j}]"),
                Some(m),
            );
            if let Some(id) = m.as_str()
                && !seen.insert(id.to_owned())
            {
                problems.push(Problem::new(
                    format!("{at}.milestones[{j}]"),
                    format!("milestone \"{id}\" is listed twice"),
                ));
            }
        }
        if a["trigger"]["kind"] == "in_quadrant" {
            refers(
                &mut problems,
                &matrix_ids,
                format!("{at}.trigger.matrix"),
                a["trigger"].get("matrix"),
            );
        }
        if a["trigger"]["kind"] == "milestone_reached" {
            refers(
                &mut problems,
                &milestone_ids,
                format!("{at}.trigger.milestone"),
                a["trigger"].get("milestone"),
            );
        }
    }
    for (i, m) in matrices.iter().enumerate() {
        for axis in ["x", "y"] {
            let at = format!("matrices[{i}].{axis}");
            let a = &m[axis];
            refers(
                &mut problems,
                &metric_ids,
                format!("{at}.field.metric"),
                a["field"].get("metric"),
            );
            let num = |k: &str| a.get(k).and_then(Value::as_f64);
            let (min, max) = (num("min").unwrap_or(1.0), num("max").unwrap_or(10.0));
            if min >= max {
                problems.push(Problem::new(
                    format!("{at}.max"),
                    format!("{max} must be above min ({min})"),
                ));
            } else if let Some(t) = num("threshold")
                && !(min..=max).contains(&t)
            {
                problems.push(Problem::new(
                    format!("{at}.threshold"),
                    format!("{t} is outside the axis's range {min}–{max}"),
                ));
            }
        }
        for (j, q) in list(m, "quadrants").iter().enumerate() {
            refers(
                &mut problems,
                &activity_ids,
                format!("matrices[{i}].quadrants[{j}].activity"),
                q.get("activity"),
            );
        }
    }
    for (i, m) in metrics.iter().enumerate() {
        refers(
            &mut problems,
            &stage_ids,
            format!("metrics[{i}].stage"),
            m.get("stage"),
        );
    }
    for (i, s) in stages.iter().enumerate() {
        let Some(h) = s.get("health").filter(|h| h.is_object()) else {
            continue;
        };
        let at = format!("stages[{i}].health");
        for (j, m) in list(h, "metrics").iter().enumerate() {
            refers(
                &mut problems,
                &metric_ids,
                format!("{at}.metrics[{j}]"),
                Some(m),
            );
        }
        for field in ["green_action", "grey_action", "red_action"] {
            refers(
                &mut problems,
                &activity_ids,
                format!("{at}.{field}"),
                h.get(field),
            );
        }
        if let (Some(grey), Some(red)) = (
            h.get("grey_after_percent").and_then(Value::as_u64),
            h.get("red_after_percent").and_then(Value::as_u64),
        ) && red < grey
        {
            problems.push(Problem::new(
                format!("{at}.red_after_percent"),
                format!("{red} is below grey_after_percent ({grey}); red must come after grey"),
            ));
        }
    }
    for (i, c) in capabilities.iter().enumerate() {
        let at = format!("capabilities[{i}]");
        require_name(&mut problems, &at, c);
        refers(
            &mut problems,
            &phase_ids,
            format!("{at}.phase"),
            c.get("phase"),
        );
        for (j, a) in list(c, "activities").iter().enumerate() {
            refers(
                &mut problems,
                &activity_ids,
                format!("{at}.activities[{j}]"),
                Some(a),
            );
        }
        if list(c, "criteria").is_empty() {
            problems.push(Problem::new(
                format!("{at}.criteria"),
                "needs at least one criterion: when is the capability adopted?",
            ));
        }
    }
    for (i, p) in phases.iter().enumerate() {
        require_name(&mut problems, &format!("phases[{i}]"), p);
    }
    problems
}

fn require_name(problems: &mut Vec<Problem>, at: &str, v: &Value) {
    if v.get("name")
        .and_then(Value::as_str)
        .is_some_and(|t| t.trim().is_empty())
    {
        problems.push(Problem::new(join(at, "name"), "must not be empty"));
    }
}

/// The ids of one kind of object, for duplicate and reference checks.
struct Ids {
    kind: &'static str,
    known: HashSet<String>,
}

impl Ids {
    fn collect(
        kind: &'static str,
        items: &[(String, Option<String>)],
        problems: &mut Vec<Problem>,
    ) -> Self {
        let mut first_seen: HashMap<&str, &str> = HashMap::new();
        for (path, id) in items {
            let Some(id) = id.as_deref() else { continue };
            if id.trim().is_empty() {
                problems.push(Problem::new(path, format!("{kind} id must not be empty")));
            } else if let Some(first) = first_seen.get(id) {
                problems.push(Problem::new(
                    path,
                    format!("duplicate {kind} id \"{id}\" (first used at {first})"),
                ));
            } else {
                first_seen.insert(id, path);
            }
        }
        Self {
            kind,
            known: first_seen.into_keys().map(str::to_owned).collect(),
        }
    }

    fn check(&self, path: &str, id: &str, problems: &mut Vec<Problem>) {
        if !self.known.contains(id) {
            problems.push(Problem::new(
                path,
                format!("refers to {} \"{id}\", which does not exist", self.kind),
            ));
        }
    }
}
