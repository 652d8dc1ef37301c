//! Which column of the file feeds which of our fields. Matched automatically from the
//! headers (case, spaces and punctuation ignored, common synonyms known); a person confirms
//! or changes each field (`--map field=Header` on the command line).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The three tables of customer data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "DataTable")]
pub enum Table {
    Customers,
    Events,
    Stakeholders,
}

impl Table {
    pub fn name(self) -> &'static str {
        match self {
            Table::Customers => "customers",
            Table::Events => "events",
            Table::Stakeholders => "stakeholders",
        }
    }

    /// What one row of the table is, singular or plural: `1 customer`, `2 events`.
    pub fn noun(self, n: u64) -> &'static str {
        match (self, n == 1) {
            (Table::Customers, true) => "customer",
            (Table::Events, true) => "event",
            (Table::Stakeholders, true) => "stakeholder",
            (t, false) => t.name(),
        }
    }
}

impl std::str::FromStr for Table {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "customers" => Ok(Table::Customers),
            "events" => Ok(Table::Events),
            "stakeholders" => Ok(Table::Stakeholders),
            _ => Err(format!(
                "unknown table \"{s}\" (expected customers, events or stakeholders)"
            )),
        }
    }
}

/// What kind of value a field holds, which decides how its cells are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    Text,
    Number,
    Date,
    Flag,
    /// A number from 1 to 10.
    Score,
}

/// One of our fields, explained for the mapping step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Field {
    pub key: &'static str,
    pub label: &'static str,
    pub help: &'static str,
    pub kind: FieldKind,
    pub required: bool,
    #[serde(skip)]
    #[ts(skip)]
    synonyms: &'static [&'static str],
}

const fn field(
    key: &'static str,
    label: &'static str,
    help: &'static str,
    kind: FieldKind,
    required: bool,
    synonyms: &'static [&'static str],
) -> Field {
    Field {
        key,
        label,
        help,
        kind,
        required,
        synonyms,
    }
}

use FieldKind::{Date, Flag, Number, Score, Text};

const CUSTOMER_ID: &[&str] = &[
    "customerid",
    "accountid",
    "companyid",
    "clientid",
    "custid",
    "account",
    "accountnumber",
    "customer",
    "id",
];

static CUSTOMERS: [Field; 9] = [
    field(
        "id",
        "Customer id",
        "Your unique id for the customer; re-importing updates by it.",
        Text,
        true,
        &[
            "customerid",
            "accountid",
            "companyid",
            "clientid",
            "custid",
            "accountnumber",
        ],
    ),
    field(
        "name",
        "Name",
        "The customer's name.",
        Text,
        false,
        &[
            "customername",
            "accountname",
            "companyname",
            "company",
            "customer",
            "account",
            "client",
        ],
    ),
    field(
        "segment",
        "Segment",
        "e.g. SMB, Mid-market, Enterprise.",
        Text,
        false,
        &["customersegment", "tier", "size"],
    ),
    field(
        "industry",
        "Industry",
        "",
        Text,
        false,
        &["vertical", "sector"],
    ),
    field(
        "plan",
        "Plan",
        "The product plan or package.",
        Text,
        false,
        &["product", "package", "subscription", "edition", "tier"],
    ),
    field(
        "arr",
        "ARR",
        "Annual recurring revenue, a number.",
        Number,
        false,
        &["annualrecurringrevenue", "revenue", "acv", "contractvalue"],
    ),
    field(
        "start_date",
        "Start date",
        "When the customer's journey started (the funnel counts days from it).",
        Date,
        false,
        &[
            "start",
            "customersince",
            "signupdate",
            "signedat",
            "signedup",
            "contractstart",
            "createdat",
            "created",
            "golive",
            "golivedate",
        ],
    ),
    field(
        "churn_date",
        "Churn date",
        "When the customer left; empty while they stay.",
        Date,
        false,
        &[
            "churnedat",
            "churned",
            "cancelledat",
            "canceledat",
            "cancellationdate",
            "cancelled",
            "enddate",
        ],
    ),
    field(
        "owner",
        "Owner",
        "The customer's CSM or account owner.",
        Text,
        false,
        &[
            "csm",
            "accountowner",
            "customersuccessmanager",
            "assignedto",
            "manager",
        ],
    ),
];

static EVENTS: [Field; 4] = [
    field(
        "customer_id",
        "Customer id",
        "Which customer did it (the id in your customers file).",
        Text,
        true,
        CUSTOMER_ID,
    ),
    field(
        "timestamp",
        "Time",
        "When: a date or a date-time (UTC unless it says otherwise).",
        Date,
        true,
        &[
            "occurredat",
            "date",
            "time",
            "datetime",
            "eventtime",
            "eventdate",
            "createdat",
            "at",
            "when",
            "ts",
            "day",
        ],
    ),
    field(
        "event",
        "Event",
        "What happened, e.g. billing_cycle_completed.",
        Text,
        true,
        &[
            "eventname",
            "name",
            "metric",
            "action",
            "eventtype",
            "type",
            "activity",
        ],
    ),
    field(
        "value",
        "Value",
        "A number; empty counts as 1.",
        Number,
        false,
        &["amount", "count", "quantity", "qty", "metricvalue", "score"],
    ),
];

static STAKEHOLDERS: [Field; 12] = [
    field(
        "customer_id",
        "Customer id",
        "Which customer the person works for.",
        Text,
        true,
        CUSTOMER_ID,
    ),
    field(
        "name",
        "Name",
        "The person's name.",
        Text,
        true,
        &[
            "fullname",
            "contact",
            "contactname",
            "stakeholder",
            "person",
        ],
    ),
    field(
        "title",
        "Title",
        "",
        Text,
        false,
        &["jobtitle", "role", "position"],
    ),
    field(
        "decision_maker",
        "Decision maker",
        "yes / no.",
        Flag,
        false,
        &["dm", "isdecisionmaker", "decider"],
    ),
    field("purpose", "Purpose", "Score 1–10.", Score, false, &[]),
    field("intent", "Intent", "Score 1–10.", Score, false, &[]),
    field("desire", "Desire", "Score 1–10.", Score, false, &[]),
    field("skills", "Skills", "Score 1–10.", Score, false, &["skill"]),
    field(
        "revenue_impact",
        "Revenue impact",
        "Score 1–10.",
        Score,
        false,
        &["revenue", "impact"],
    ),
    field("modularity", "Modularity", "Score 1–10.", Score, false, &[]),
    field("effort", "Effort", "Score 1–10.", Score, false, &[]),
    field("complexity", "Complexity", "Score 1–10.", Score, false, &[]),
];

/// Our fields of a table, in the order the mapping step shows them.
pub fn fields(table: Table) -> &'static [Field] {
    match table {
        Table::Customers => &CUSTOMERS,
        Table::Events => &EVENTS,
        Table::Stakeholders => &STAKEHOLDERS,
    }
}

/// A header as compared: lower case, letters and digits only.
fn norm(s: &str) -> String {
    s.chars()
        .filter(char::is_ascii_alphanumeric)
        .flat_map(char::to_lowercase)
        .collect()
}

/// The header each field would take, matched by name and then by synonyms; each header
/// feeds at most one field.
pub fn auto_map(table: Table, headers: &[String]) -> BTreeMap<String, String> {
    let normed: Vec<String> = headers.iter().map(|h| norm(h)).collect();
    let mut used = vec![false; headers.len()];
    let mut out = BTreeMap::new();
    let fields = fields(table);
    // Exact names first across all fields, so `name` is not taken by an earlier synonym.
    for pass in 0..2 {
        for f in fields {
            if out.contains_key(f.key) {
                continue;
            }
            let wanted: Vec<String> = if pass == 0 {
                vec![norm(f.key)]
            } else {
                f.synonyms.iter().map(|s| norm(s)).collect()
            };
            for w in wanted {
                if let Some(i) = (0..headers.len()).find(|&i| !used[i] && normed[i] == w) {
                    used[i] = true;
                    out.insert(f.key.to_owned(), headers[i].clone());
                    break;
                }
            }
        }
    }
    out
}

/// Field → column index, and the columns no field takes (customers keep them as
/// attributes; wide event files turn them into events).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    pub fields: BTreeMap<&'static str, usize>,
    pub rest: Vec<usize>,
}

impl Columns {
    pub fn get(&self, key: &str) -> Option<usize> {
        self.fields.get(key).copied()
    }
}

/// Resolves a mapping against the file's headers: automatic matches, overridden by the
/// person's choices (an empty header unmaps a field). Errors name what is wrong.
pub fn resolve(
    table: Table,
    headers: &[String],
    chosen: &BTreeMap<String, String>,
    wide: bool,
) -> Result<Columns, String> {
    let fields = fields(table);
    for key in chosen.keys() {
        if !fields.iter().any(|f| f.key == key) {
            let known: Vec<&str> = fields.iter().map(|f| f.key).collect();
            return Err(format!(
                "there is no field \"{key}\" in {} (fields: {})",
                table.name(),
                known.join(", ")
            ));
        }
    }
    let mut map = auto_map(table, headers);
    for (k, h) in chosen {
        if h.is_empty() {
            map.remove(k);
        } else {
            // A header chosen for one field is no longer the automatic match of another.
            map.retain(|other, v| other == k || v != h);
            map.insert(k.clone(), h.clone());
        }
    }
    if wide {
        map.remove("event");
        map.remove("value");
    }
    let mut columns = Columns {
        fields: BTreeMap::new(),
        rest: Vec::new(),
    };
    for f in fields {
        match map.get(f.key) {
            Some(h) => {
                let i = headers.iter().position(|x| x == h).ok_or_else(|| {
                    format!(
                        "no column is headed \"{h}\" (for {}); the columns are: {}",
                        f.key,
                        headers.join(", ")
                    )
                })?;
                columns.fields.insert(f.key, i);
            }
            None if f.required && !(wide && f.key == "event") => {
                return Err(format!(
                    "no column for {} ({}); the columns are: {}. Choose one, e.g. --map {}=\"{}\"",
                    f.key,
                    f.label,
                    headers.join(", "),
                    f.key,
                    headers.first().map_or("", String::as_str)
                ));
            }
            None => {}
        }
    }
    let taken: Vec<usize> = columns.fields.values().copied().collect();
    columns.rest = (0..headers.len()).filter(|i| !taken.contains(i)).collect();
    Ok(columns)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(h: &[&str]) -> Vec<String> {
        h.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn headers_match_by_name_and_synonym_ignoring_case_and_spaces() {
        let h = headers(&[
            "Account ID",
            "Company Name",
            "Customer Since",
            "CSM",
            "ARR ($)",
            "Region",
        ]);
        let m = auto_map(Table::Customers, &h);
        assert_eq!(m["id"], "Account ID");
        assert_eq!(m["name"], "Company Name");
        assert_eq!(m["start_date"], "Customer Since");
        assert_eq!(m["owner"], "CSM");
        assert_eq!(m["arr"], "ARR ($)");
        let cols = resolve(Table::Customers, &h, &BTreeMap::new(), false).unwrap();
        assert_eq!(cols.rest, vec![5], "Region stays as an attribute");

        let e = auto_map(
            Table::Events,
            &headers(&["company_id", "occurred_at", "event_name", "value"]),
        );
        assert_eq!(
            e.values().collect::<Vec<_>>(),
            ["company_id", "event_name", "occurred_at", "value"]
        );
    }

    #[test]
    fn a_person_overrides_or_unmaps_and_missing_required_fields_are_named() {
        let h = headers(&["who", "when", "what", "n"]);
        let err = resolve(Table::Events, &h, &BTreeMap::new(), false).unwrap_err();
        assert!(
            err.starts_with("no column for customer_id (Customer id)"),
            "{err}"
        );
        let chosen: BTreeMap<String, String> = [
            ("customer_id", "who"),
            ("timestamp", "when"),
            ("event", "what"),
            ("value", "n"),
        ]
        .map(|(a, b)| (a.to_owned(), b.to_owned()))
        .into();
        let cols = resolve(Table::Events, &h, &chosen, false).unwrap();
        assert_eq!(cols.get("value"), Some(3));
        let mut wrong = chosen.clone();
        wrong.insert("value".into(), "amount".into());
        let err = resolve(Table::Events, &h, &wrong, false).unwrap_err();
        assert!(err.starts_with("no column is headed \"amount\""), "{err}");
        wrong.insert("valeu".into(), "n".into());
        assert!(
            resolve(Table::Events, &h, &wrong, false)
                .unwrap_err()
                .contains("no field \"valeu\"")
        );
    }

    #[test]
    fn wide_files_need_no_event_column() {
        let h = headers(&["account_id", "date", "logins", "invoices"]);
        let cols = resolve(Table::Events, &h, &BTreeMap::new(), true).unwrap();
        assert_eq!(cols.rest, vec![2, 3]);
    }
}
