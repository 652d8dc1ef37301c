//! The journey's SQL as dbt models, for a CS-ops team that schedules the daily assessment
//! where its data already is: `models/milepost/` with the reached times, where every
//! customer is, the daily CRM tags and the funnel (`milepost_<journey>_reached`,
//! `…_customers`, `…_tags`, `…_funnel`), the two tables as a dbt source, and tests (not
//! null, one row per customer and milestone, one row per customer). A folder that holds
//! no `dbt_project.yml` gets one, so it is a project of its own; in an existing project
//! the models folder is simply added.
//!
//! Every value in the models was written by the SQL compiler, which spells braces in text
//! as code points and refuses them in names: no `{{` reaches Jinja but the `source()`
//! calls written here.

use std::path::PathBuf;

use sqlparser::ast::{Ident, ObjectName};

use super::{Dialect, Names, Options, Output, Source, SqlError};
use crate::journey::Journey;

/// One file of the dbt project, its path relative to the project folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DbtFile {
    pub path: PathBuf,
    pub text: String,
}

/// The journey's name as a model name: lower-case letters, digits and underscores.
pub fn model_stem(journey: &Journey) -> String {
    let stem = super::slug(&journey.name, 40);
    let stem = if stem.is_empty() { "journey" } else { &stem };
    format!("milepost_{stem}")
}

/// A table of Milepost's own making that only the model's `source()` call replaces: the
/// brace cannot be in a name given (refused) nor in a text value (spelt as a code point).
fn placeholder(table: &str) -> String {
    format!("milepost{{{table}}}")
}

/// A model's query: the compiled SQL with its two tables as dbt sources.
fn model(
    journey: &Journey,
    dialect: Dialect,
    source: &Source,
    output: Output,
) -> Result<String, SqlError> {
    let mut names = Names::resolve(dialect, source)?;
    let quote = match dialect {
        Dialect::Spark | Dialect::Bigquery => '`',
        _ => '"',
    };
    names.customers = ObjectName::from(vec![Ident::with_quote(quote, placeholder("customers"))]);
    names.events = ObjectName::from(vec![Ident::with_quote(quote, placeholder("events"))]);
    let text = super::compile_with(journey, dialect, &names, None, output)?;
    let mut text = text;
    for table in ["customers", "events"] {
        text = text.replace(
            &format!("{quote}{}{quote}", placeholder(table)),
            &format!("{{{{ source('milepost', '{table}') }}}}"),
        );
    }
    Ok(format!(
        "-- Written by `milepost sql --dbt` from the journey: do not edit, write it again.\n{{{{ config(materialized='table') }}}}\n\n{text}"
    ))
}

/// A YAML string: JSON's quoting, which YAML reads the same; braces become parentheses,
/// since dbt reads Jinja in its YAML too.
fn yaml(text: &str) -> String {
    serde_json::Value::String(text.replace('{', "(").replace('}', ")")).to_string()
}

/// What each of `measure_columns` holds, in words, for the model's documentation.
fn measure_words(journey: &Journey) -> Vec<String> {
    let mut out: Vec<String> = journey
        .metrics
        .iter()
        .map(|m| format!("{}: the metric's value as of the day", m.name))
        .collect();
    out.extend(journey.metrics.iter().filter_map(|m| {
        m.value.as_ref().map(|v| {
            format!(
                "{}: its baseline, over the customer's first {} days",
                m.name, v.baseline_days
            )
        })
    }));
    out.extend(journey.capabilities.iter().map(|c| {
        format!(
            "{}: whether the customer has adopted the capability by the day",
            c.name
        )
    }));
    out
}

/// The dbt files for the journey. `project` adds a `dbt_project.yml`.
pub fn project(
    journey: &Journey,
    options: &Options,
    project: bool,
) -> Result<Vec<DbtFile>, SqlError> {
    let d = options.dialect;
    let stem = model_stem(journey);
    let mut files = Vec::new();
    let dir = PathBuf::from("models/milepost");
    files.push(DbtFile {
        path: dir.join(format!("{stem}_reached.sql")),
        text: model(journey, d, &options.source, Output::Reached)?,
    });
    files.push(DbtFile {
        path: dir.join(format!("{stem}_tags.sql")),
        text: model(journey, d, &options.source, Output::Tags)?,
    });
    files.push(DbtFile {
        path: dir.join(format!("{stem}_customers.sql")),
        text: model(journey, d, &options.source, Output::Customers)?,
    });
    let funnel = match model(journey, d, &options.source, Output::Funnel) {
        Ok(text) => Some(text),
        Err(SqlError::NoMilestones) => None,
        Err(e) => return Err(e),
    };
    if let Some(text) = &funnel {
        files.push(DbtFile {
            path: dir.join(format!("{stem}_funnel.sql")),
            text: text.clone(),
        });
    }

    // The source: the tables as given (schema.table), else in the target's schema.
    let table = |given: &Option<String>, name: &str| {
        let given = given.clone().unwrap_or_else(|| d.default_name(name));
        match given.rsplit_once('.') {
            Some((schema, table)) => (Some(schema.to_owned()), table.to_owned()),
            None => (None, given),
        }
    };
    let (customers_schema, customers) = table(&options.source.customers_table, "customers");
    let (events_schema, events) = table(&options.source.events_table, "events");
    // One dbt source holds both tables, so they share a schema.
    if customers_schema.is_some() && events_schema.is_some() && customers_schema != events_schema {
        return Err(SqlError::DbtSchemas);
    }
    let schema = events_schema.or(customers_schema);
    let mut sources = String::from("version: 2\n\nsources:\n  - name: milepost\n");
    match schema {
        Some(s) => sources.push_str(&format!("    schema: {}\n", yaml(&s))),
        None => sources.push_str("    schema: \"{{ target.schema }}\"\n"),
    }
    sources.push_str(&format!(
        "    description: \"The SQL contract's two tables (docs/SEMANTICS.md in Milepost)\"\n    tables:\n      - name: customers\n        identifier: {}\n      - name: events\n        identifier: {}\n",
        yaml(&customers),
        yaml(&events)
    ));
    files.push(DbtFile {
        path: dir.join("sources.yml"),
        text: sources,
    });

    let mut schema = format!(
        "version: 2\n\nmodels:\n  - name: {stem}_reached\n    description: {}\n    columns:\n",
        yaml(&format!(
            "When each customer reached each milestone of \"{}\" (one row per customer and milestone reached)",
            journey.name
        ))
    );
    for column in ["customer_id", "milestone_id", "reached_at"] {
        schema.push_str(&format!(
            "      - name: {column}\n        data_tests:\n          - not_null\n"
        ));
    }
    schema.push_str(&format!(
        "  - name: {stem}_tags\n    description: {}\n    columns:\n      - name: customer_id\n        data_tests:\n          - not_null\n          - unique\n      - name: milestones_reached\n        data_tests:\n          - not_null\n",
        yaml(&format!(
            "The daily CRM sync for \"{}\": per customer its stage, furthest milestone, milestone tags and the milestones reached on the day",
            journey.name
        ))
    ));
    schema.push_str(&format!(
        "  - name: {stem}_customers\n    description: {}\n    columns:\n      - name: customer_id\n        data_tests:\n          - not_null\n          - unique\n      - name: milestones_reached\n        data_tests:\n          - not_null\n",
        yaml(&format!(
            "Where every customer of \"{}\" is: stage, furthest milestone, days in the stage, every metric as of the day, value metrics' baselines, capabilities adopted",
            journey.name
        ))
    ));
    for (column, what) in super::measure_columns(journey)
        .iter()
        .zip(measure_words(journey))
    {
        schema.push_str(&format!(
            "      - name: {column}\n        description: {}\n",
            yaml(&what)
        ));
    }
    if funnel.is_some() {
        schema.push_str(&format!(
            "  - name: {stem}_funnel\n    description: {}\n    columns:\n      - name: milestone_id\n        data_tests:\n          - not_null\n          - unique\n      - name: reached\n        data_tests:\n          - not_null\n",
            yaml(&format!("The success funnel of \"{}\", a row per milestone", journey.name))
        ));
    }
    files.push(DbtFile {
        path: dir.join("schema.yml"),
        text: schema,
    });
    files.push(DbtFile {
        path: PathBuf::from(format!("tests/{stem}_reached_once.sql")),
        text: format!(
            "-- A customer reaches a milestone once: no two rows for one customer and milestone.\nselect customer_id, milestone_id, count(*) as n\nfrom {{{{ ref('{stem}_reached') }}}}\ngroup by customer_id, milestone_id\nhaving count(*) > 1\n"
        ),
    });
    if project {
        files.push(DbtFile {
            path: PathBuf::from("dbt_project.yml"),
            text: "name: milepost\nversion: \"1.0.0\"\nconfig-version: 2\nprofile: milepost\nmodel-paths: [\"models\"]\ntest-paths: [\"tests\"]\n".to_owned(),
        });
    }
    Ok(files)
}
