//! What differs between the engines the assessment runs on: how a name is quoted, how a
//! string is written so that no engine can read it as anything but that string, and the
//! few functions without one spelling everywhere (seconds since 1970 of a timestamp, days
//! since 1970 of a date, a timestamp from seconds).

use sqlparser::ast::{DataType, DateTimeField, Expr, ExtractSyntax, Ident};

use super::build::{self, func, int};

/// An engine the journey's SQL is written for.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Dialect {
    /// DuckDB (over Parquet or CSV files, or a DuckDB database).
    #[default]
    Duckdb,
    /// PostgreSQL, and what speaks it: Citus, Redshift-style warehouses.
    Postgres,
    /// Spark SQL (Databricks), in local mode or on a cluster.
    Spark,
    Snowflake,
    Bigquery,
}

/// Why a name cannot be written for an engine.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NameError {
    #[error("the {what} name is empty")]
    Empty { what: String },
    #[error(
        "the {what} name \"{}\" cannot be written for {dialect}: a name there may not hold {quote}, a brace{} or a control character; give it another name in a view",
        .name.escape_debug(),
        if *.dialect == "BigQuery" { ", a backslash" } else { "" }
    )]
    Unquotable {
        what: String,
        name: String,
        dialect: &'static str,
        quote: char,
    },
    #[error("the {what} \"{}\" holds a NUL character, which no engine keeps in text", .name.escape_debug())]
    Nul { what: String, name: String },
}

impl Dialect {
    pub const ALL: [Dialect; 5] = [
        Dialect::Duckdb,
        Dialect::Postgres,
        Dialect::Spark,
        Dialect::Snowflake,
        Dialect::Bigquery,
    ];

    /// Its name as people write it.
    pub fn title(self) -> &'static str {
        match self {
            Dialect::Duckdb => "DuckDB",
            Dialect::Postgres => "PostgreSQL",
            Dialect::Spark => "Spark SQL",
            Dialect::Snowflake => "Snowflake",
            Dialect::Bigquery => "BigQuery",
        }
    }

    /// The name as `--dialect` takes it.
    pub fn key(self) -> &'static str {
        match self {
            Dialect::Duckdb => "duckdb",
            Dialect::Postgres => "postgres",
            Dialect::Spark => "spark",
            Dialect::Snowflake => "snowflake",
            Dialect::Bigquery => "bigquery",
        }
    }

    /// A name the way the engine keeps it when written without quotes: Snowflake keeps
    /// unquoted names in upper case (a view's `customer_id` is `CUSTOMER_ID`), and every
    /// name Milepost writes is quoted.
    pub fn default_name(self, name: &str) -> String {
        match self {
            Dialect::Snowflake => name.to_uppercase(),
            _ => name.to_owned(),
        }
    }

    /// A table or column name, always quoted: `"weird ""name"""` or `` `name` ``.
    pub fn ident(self, what: &str, name: &str) -> Result<Ident, NameError> {
        if name.is_empty() {
            return Err(NameError::Empty {
                what: what.to_owned(),
            });
        }
        if name.contains('\0') {
            return Err(NameError::Nul {
                what: format!("{what} name"),
                name: name.to_owned(),
            });
        }
        let quote = match self {
            Dialect::Spark | Dialect::Bigquery => '`',
            _ => '"',
        };
        // A name is written between quotes exactly as given, so it must not hold the
        // quote itself (engines escape it differently, and a wrong guess would end the
        // name early), nor a control character, nor for BigQuery a backslash (an escape
        // there).
        // Braces too: a dbt model is a Jinja template, where `{{` would run code.
        let unquotable = name.chars().any(|c| {
            c == quote
                || c == '{'
                || c == '}'
                || c.is_control()
                || (c == '\\' && self == Dialect::Bigquery)
        });
        if unquotable {
            return Err(NameError::Unquotable {
                what: what.to_owned(),
                name: name.to_owned(),
                dialect: self.title(),
                quote,
            });
        }
        Ok(Ident::with_quote(quote, name))
    }

    /// A text value as a literal that reads as exactly that text on every engine: plain
    /// `'…'` when it holds no quote, backslash, brace or control character, else those are
    /// spelt as code points and joined (`CONCAT('it', CHR(39), 's')`), because engines
    /// disagree about what a backslash in a literal means, and a brace could open Jinja in
    /// a dbt model.
    pub fn text(self, what: &str, text: &str) -> Result<Expr, NameError> {
        if text.contains('\0') {
            return Err(NameError::Nul {
                what: what.to_owned(),
                name: text.to_owned(),
            });
        }
        let special = |c: char| matches!(c, '\'' | '\\' | '{' | '}') || c.is_control();
        if !text.chars().any(special) {
            return Ok(build::string(text));
        }
        let mut parts = Vec::new();
        let mut plain = String::new();
        for c in text.chars() {
            if special(c) {
                if !plain.is_empty() {
                    parts.push(build::string(&std::mem::take(&mut plain)));
                }
                parts.push(self.code_point(u32::from(c)));
            } else {
                plain.push(c);
            }
        }
        if !plain.is_empty() {
            parts.push(build::string(&plain));
        }
        Ok(if parts.len() == 1 {
            parts.remove(0)
        } else {
            func("CONCAT", parts)
        })
    }

    /// The one-character text of a code point.
    fn code_point(self, c: u32) -> Expr {
        match self {
            Dialect::Bigquery => func(
                "CODE_POINTS_TO_STRING",
                vec![Expr::Array(sqlparser::ast::Array {
                    elem: vec![int(i64::from(c))],
                    named: false,
                })],
            ),
            _ => func("CHR", vec![int(i64::from(c))]),
        }
    }

    /// The whole-number type.
    pub fn bigint(self) -> DataType {
        match self {
            Dialect::Bigquery => DataType::Int64,
            _ => DataType::BigInt(None),
        }
    }

    /// The text type.
    pub fn text_type(self) -> DataType {
        match self {
            Dialect::Spark | Dialect::Bigquery => DataType::String(None),
            _ => DataType::Text,
        }
    }

    /// The floating-point type.
    pub fn double(self) -> DataType {
        match self {
            Dialect::Bigquery => DataType::Float64,
            Dialect::Postgres => DataType::DoublePrecision,
            _ => DataType::Double(sqlparser::ast::ExactNumberInfo::None),
        }
    }

    /// Whole seconds since 1970-01-01 00:00 UTC of a timestamp (rounded down).
    pub fn epoch_seconds(self, ts: Expr) -> Expr {
        match self {
            Dialect::Duckdb | Dialect::Postgres => build::cast(
                func(
                    "FLOOR",
                    vec![Expr::Extract {
                        field: DateTimeField::Epoch,
                        syntax: ExtractSyntax::From,
                        expr: Box::new(ts),
                    }],
                ),
                self.bigint(),
            ),
            Dialect::Spark => func("unix_seconds", vec![ts]),
            Dialect::Snowflake => func(
                "DATE_PART",
                vec![Expr::Identifier(Ident::new("EPOCH_SECOND")), ts],
            ),
            Dialect::Bigquery => func("UNIX_SECONDS", vec![ts]),
        }
    }

    /// Whole days since 1970-01-01 of a date.
    pub fn epoch_days(self, date: Expr) -> Expr {
        let epoch = || build::date("1970-01-01");
        match self {
            Dialect::Duckdb | Dialect::Postgres => build::cast(
                Expr::Nested(Box::new(build::minus(date, epoch()))),
                self.bigint(),
            ),
            Dialect::Spark => func("unix_date", vec![date]),
            Dialect::Snowflake => func(
                "DATEDIFF",
                vec![Expr::Identifier(Ident::new("DAY")), epoch(), date],
            ),
            Dialect::Bigquery => func("UNIX_DATE", vec![date]),
        }
    }

    /// The timestamp (UTC) of whole seconds since 1970.
    pub fn timestamp_of(self, seconds: Expr) -> Expr {
        let name = match self {
            Dialect::Duckdb | Dialect::Postgres => "TO_TIMESTAMP",
            Dialect::Spark => "timestamp_seconds",
            Dialect::Snowflake => "TO_TIMESTAMP_NTZ",
            Dialect::Bigquery => "TIMESTAMP_SECONDS",
        };
        func(name, vec![seconds])
    }

    /// The parser of the `sqlparser` crate for this engine, to read back what was written.
    pub fn parser(self) -> Box<dyn sqlparser::dialect::Dialect> {
        use sqlparser::dialect as d;
        match self {
            Dialect::Duckdb => Box::new(d::DuckDbDialect {}),
            Dialect::Postgres => Box::new(d::PostgreSqlDialect {}),
            Dialect::Spark => Box::new(d::DatabricksDialect {}),
            Dialect::Snowflake => Box::new(d::SnowflakeDialect),
            Dialect::Bigquery => Box::new(d::BigQueryDialect),
        }
    }
}
