//! Small constructors for `sqlparser`'s syntax tree, so the compilers read as the SQL they
//! build. Every value that comes from a journey or an option enters as a node (a quoted
//! name, a literal), never as text to be parsed; the tree's printer writes the query.
//! The crate's node types grow fields from release to release: they are built here only,
//! and the version is pinned.

use sqlparser::ast::{
    BinaryOperator, CaseWhen, CastKind, Cte, CteAsMaterialized, Expr, Function, FunctionArg,
    FunctionArgExpr, FunctionArgumentList, FunctionArguments, GroupByExpr, Ident, Join,
    JoinConstraint, JoinOperator, ObjectName, OrderByExpr, OrderByOptions, Query, Select,
    SelectItem, SetExpr, SetOperator, SetQuantifier, TableAlias, TableFactor, TableWithJoins,
    TypedString, UnaryOperator, Value, ValueWithSpan, WindowFrame, WindowFrameBound,
    WindowFrameUnits, WindowSpec, WindowType, With,
};
use sqlparser::tokenizer::Span;

/// An unquoted name of Milepost's own making (a CTE, an alias, an internal column): never
/// anything a person typed.
pub fn name(n: &str) -> Ident {
    Ident::new(n)
}

/// `n`, one of Milepost's own column names.
pub fn col(n: &str) -> Expr {
    Expr::Identifier(name(n))
}

/// `q.n`, Milepost's own names.
pub fn qcol(q: &str, n: &str) -> Expr {
    Expr::CompoundIdentifier(vec![name(q), name(n)])
}

/// `q.<column>`: a column of the warehouse's, already quoted.
pub fn qual(q: &str, column: &Ident) -> Expr {
    Expr::CompoundIdentifier(vec![name(q), column.clone()])
}

fn value(v: Value) -> Expr {
    Expr::Value(ValueWithSpan {
        value: v,
        span: Span::empty(),
    })
}

/// `'text'`: only for text without quotes or backslashes (see `Dialect::text`).
pub fn string(text: &str) -> Expr {
    value(Value::SingleQuotedString(text.to_owned()))
}

pub fn int(n: i64) -> Expr {
    if n < 0 {
        return neg(value(Value::Number(n.unsigned_abs().to_string(), false)));
    }
    value(Value::Number(n.to_string(), false))
}

/// A number as written in a criterion: Rust prints the shortest decimal (never with an
/// exponent) that reads back as exactly this number.
pub fn number(x: f64) -> Expr {
    let n = value(Value::Number(format!("{}", x.abs()), false));
    if x < 0.0 { neg(n) } else { n }
}

fn neg(e: Expr) -> Expr {
    Expr::Nested(Box::new(Expr::UnaryOp {
        op: UnaryOperator::Minus,
        expr: Box::new(e),
    }))
}

/// A decimal constant of Milepost's, such as `86400.0` (a division by it is not an
/// integer division on any engine).
pub fn decimal(text: &'static str) -> Expr {
    value(Value::Number(text.to_owned(), false))
}

/// `DATE 'YYYY-MM-DD'`.
pub fn date(day: &str) -> Expr {
    Expr::TypedString(TypedString {
        data_type: sqlparser::ast::DataType::Date,
        value: ValueWithSpan {
            value: Value::SingleQuotedString(day.to_owned()),
            span: Span::empty(),
        },
        uses_odbc_syntax: false,
    })
}

pub fn func(n: &str, args: Vec<Expr>) -> Expr {
    Expr::Function(function(n, args))
}

fn function(n: &str, args: Vec<Expr>) -> Function {
    Function {
        name: ObjectName::from(vec![name(n)]),
        uses_odbc_syntax: false,
        parameters: FunctionArguments::None,
        args: FunctionArguments::List(FunctionArgumentList {
            duplicate_treatment: None,
            args: args
                .into_iter()
                .map(|a| FunctionArg::Unnamed(FunctionArgExpr::Expr(a)))
                .collect(),
            clauses: vec![],
        }),
        filter: None,
        null_treatment: None,
        over: None,
        within_group: vec![],
    }
}

/// The frame of a window over `t`: every earlier row, or the rows within `n` before.
#[derive(Debug, Clone, Copy)]
pub enum Frame {
    /// `RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW`: rows with an order value up
    /// to this row's, its ties included.
    RangeToHere,
    /// `RANGE BETWEEN n PRECEDING AND CURRENT ROW`.
    RangeWithin(i64),
    /// `ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW`: rows up to this one in order.
    RowsToHere,
    /// No frame: the whole partition.
    Partition,
}

/// `f(args) OVER (PARTITION BY … ORDER BY … frame)`.
pub fn window(
    n: &str,
    args: Vec<Expr>,
    partition_by: Vec<Expr>,
    order_by: Vec<(Expr, bool)>,
    frame: Frame,
) -> Expr {
    let mut f = function(n, args);
    let bound = |b: Option<i64>| WindowFrameBound::Preceding(b.map(|n| Box::new(int(n))));
    let window_frame = match frame {
        Frame::Partition => None,
        Frame::RangeToHere | Frame::RowsToHere | Frame::RangeWithin(_) => Some(WindowFrame {
            units: if matches!(frame, Frame::RowsToHere) {
                WindowFrameUnits::Rows
            } else {
                WindowFrameUnits::Range
            },
            start_bound: bound(match frame {
                Frame::RangeWithin(n) => Some(n),
                _ => None,
            }),
            end_bound: Some(WindowFrameBound::CurrentRow),
        }),
    };
    f.over = Some(WindowType::WindowSpec(WindowSpec {
        window_name: None,
        partition_by,
        order_by: order_by
            .into_iter()
            .map(|(expr, asc)| order(expr, asc))
            .collect(),
        window_frame,
    }));
    Expr::Function(f)
}

fn order(expr: Expr, asc: bool) -> OrderByExpr {
    OrderByExpr {
        expr,
        options: OrderByOptions {
            asc: if asc { None } else { Some(false) },
            nulls_first: None,
        },
        with_fill: None,
    }
}

/// `CASE WHEN c THEN r … ELSE e END`.
pub fn case(when: Vec<(Expr, Expr)>, otherwise: Option<Expr>) -> Expr {
    Expr::Case {
        case_token: sqlparser::ast::helpers::attached_token::AttachedToken::empty(),
        end_token: sqlparser::ast::helpers::attached_token::AttachedToken::empty(),
        operand: None,
        conditions: when
            .into_iter()
            .map(|(condition, result)| CaseWhen { condition, result })
            .collect(),
        else_result: otherwise.map(Box::new),
    }
}

/// `CASE x WHEN v THEN r … END`.
pub fn case_of(x: Expr, when: Vec<(Expr, Expr)>) -> Expr {
    let Expr::Case {
        case_token,
        end_token,
        conditions,
        else_result,
        ..
    } = case(when, None)
    else {
        unreachable!("case() builds a CASE")
    };
    Expr::Case {
        case_token,
        end_token,
        operand: Some(Box::new(x)),
        conditions,
        else_result,
    }
}

pub fn binary(left: Expr, op: BinaryOperator, right: Expr) -> Expr {
    Expr::BinaryOp {
        left: Box::new(left),
        op,
        right: Box::new(right),
    }
}

pub fn eq(a: Expr, b: Expr) -> Expr {
    binary(a, BinaryOperator::Eq, b)
}

pub fn and(parts: Vec<Expr>) -> Expr {
    parts
        .into_iter()
        .reduce(|a, b| binary(a, BinaryOperator::And, b))
        .unwrap_or_else(|| value(Value::Boolean(true)))
}

pub fn plus(a: Expr, b: Expr) -> Expr {
    binary(a, BinaryOperator::Plus, b)
}

pub fn minus(a: Expr, b: Expr) -> Expr {
    binary(a, BinaryOperator::Minus, b)
}

pub fn times(a: Expr, b: Expr) -> Expr {
    binary(a, BinaryOperator::Multiply, b)
}

pub fn divide(a: Expr, b: Expr) -> Expr {
    binary(a, BinaryOperator::Divide, b)
}

pub fn nested(e: Expr) -> Expr {
    Expr::Nested(Box::new(e))
}

pub fn cast(expr: Expr, data_type: sqlparser::ast::DataType) -> Expr {
    Expr::Cast {
        kind: CastKind::Cast,
        expr: Box::new(expr),
        data_type,
        array: false,
        format: None,
    }
}

pub fn null() -> Expr {
    value(Value::Null)
}

pub fn is_null(e: Expr) -> Expr {
    Expr::IsNull(Box::new(e))
}

pub fn is_not_null(e: Expr) -> Expr {
    Expr::IsNotNull(Box::new(e))
}

/// `COUNT(*)`.
pub fn count_all() -> Expr {
    let mut f = function("COUNT", vec![]);
    f.args = FunctionArguments::List(FunctionArgumentList {
        duplicate_treatment: None,
        args: vec![FunctionArg::Unnamed(FunctionArgExpr::Wildcard)],
        clauses: vec![],
    });
    Expr::Function(f)
}

/// `COUNT(DISTINCT x)`.
pub fn count_distinct(x: Expr) -> Expr {
    let mut f = function("COUNT", vec![x]);
    if let FunctionArguments::List(list) = &mut f.args {
        list.duplicate_treatment = Some(sqlparser::ast::DuplicateTreatment::Distinct);
    }
    Expr::Function(f)
}

/// `TRUE` or `FALSE`.
pub fn boolean(b: bool) -> Expr {
    value(Value::Boolean(b))
}

/// The q-quantile of `x` over the rows (NULLs left out), interpolated between ranks as
/// `crate::engine::funnel::quantile` does: `PERCENTILE_CONT(q) WITHIN GROUP (ORDER BY x)`,
/// Spark's exact `percentile(x, q)`. None for BigQuery, which has it only as a window
/// function (`funnel.rs` writes that).
pub fn percentile(d: super::Dialect, q: f64, x: Expr) -> Option<Expr> {
    match d {
        super::Dialect::Spark => Some(func("percentile", vec![x, number(q)])),
        super::Dialect::Bigquery => None,
        _ => {
            let mut f = function("PERCENTILE_CONT", vec![number(q)]);
            f.within_group = vec![order(x, true)];
            Some(Expr::Function(f))
        }
    }
}

/// The query's rows in the order of one of its columns.
pub fn order_by(mut q: Query, column: &str) -> Query {
    q.order_by = Some(sqlparser::ast::OrderBy {
        kind: sqlparser::ast::OrderByKind::Expressions(vec![order(col(column), true)]),
        interpolate: None,
    });
    q
}

pub fn in_list(expr: Expr, list: Vec<Expr>) -> Expr {
    Expr::InList {
        expr: Box::new(expr),
        list,
        negated: false,
    }
}

/// `EXISTS (query)`.
pub fn exists(q: Query) -> Expr {
    Expr::Exists {
        subquery: Box::new(q),
        negated: false,
    }
}

/// `expr AS alias`.
pub fn item(expr: Expr, alias: &str) -> SelectItem {
    let same = match &expr {
        Expr::Identifier(i) => i.value == alias && i.quote_style.is_none(),
        Expr::CompoundIdentifier(parts) => parts
            .last()
            .is_some_and(|i| i.value == alias && i.quote_style.is_none()),
        _ => false,
    };
    if same {
        return SelectItem::UnnamedExpr(expr);
    }
    SelectItem::ExprWithAlias {
        expr,
        alias: name(alias),
    }
}

/// A table to read from: a name (already quoted) or a CTE of Milepost's, with an alias.
pub fn table(n: ObjectName, alias: Option<&str>) -> TableFactor {
    TableFactor::Table {
        name: n,
        alias: alias.map(|a| TableAlias {
            explicit: true,
            name: name(a),
            columns: vec![],
            at: None,
        }),
        args: None,
        with_hints: vec![],
        version: None,
        with_ordinality: false,
        partitions: vec![],
        json_path: None,
        sample: None,
        index_hints: vec![],
    }
}

/// One of Milepost's CTEs, by name, with an alias.
pub fn cte_table(n: &str, alias: &str) -> TableFactor {
    table(ObjectName::from(vec![name(n)]), Some(alias))
}

/// `(query) AS alias`.
pub fn derived(q: Query, alias: &str) -> TableFactor {
    TableFactor::Derived {
        lateral: false,
        subquery: Box::new(q),
        alias: Some(TableAlias {
            explicit: true,
            name: name(alias),
            columns: vec![],
            at: None,
        }),
        sample: None,
    }
}

/// How a table joins the ones before it.
pub enum On {
    Inner(Expr),
    Left(Expr),
    Cross,
}

/// A SELECT: what, from where (joins in order), a filter and a grouping.
#[derive(Default)]
pub struct SelectParts {
    pub items: Vec<SelectItem>,
    /// None: a SELECT of constants, without FROM (every engine here allows it).
    pub from: Option<TableFactor>,
    pub joins: Vec<(TableFactor, On)>,
    pub filter: Option<Expr>,
    pub group_by: Vec<Expr>,
}

pub fn select(parts: SelectParts) -> Query {
    let mut s = empty_select();
    s.projection = parts.items;
    s.from = parts
        .from
        .map(|relation| TableWithJoins {
            relation,
            joins: parts
                .joins
                .into_iter()
                .map(|(relation, on)| Join {
                    relation,
                    global: false,
                    join_operator: match on {
                        On::Inner(e) => JoinOperator::Inner(JoinConstraint::On(e)),
                        On::Left(e) => JoinOperator::Left(JoinConstraint::On(e)),
                        On::Cross => JoinOperator::CrossJoin(JoinConstraint::None),
                    },
                })
                .collect(),
        })
        .into_iter()
        .collect();
    s.selection = parts.filter;
    s.group_by = GroupByExpr::Expressions(parts.group_by, vec![]);
    query(SetExpr::Select(Box::new(s)))
}

/// A SELECT of nothing yet. Its many fields (most for other engines' extensions) come
/// from parsing the constant `SELECT 1`: it keeps up with the crate's new fields.
fn empty_select() -> Select {
    let parsed =
        sqlparser::parser::Parser::parse_sql(&sqlparser::dialect::GenericDialect {}, "SELECT 1");
    match parsed.ok().and_then(|mut v| v.pop()) {
        Some(sqlparser::ast::Statement::Query(q)) => match *q.body {
            SetExpr::Select(s) => *s,
            _ => unreachable!("SELECT 1 is a SELECT"),
        },
        _ => unreachable!("SELECT 1 parses"),
    }
}

fn query(body: SetExpr) -> Query {
    let parsed =
        sqlparser::parser::Parser::parse_sql(&sqlparser::dialect::GenericDialect {}, "SELECT 1");
    let mut q = match parsed.ok().and_then(|mut v| v.pop()) {
        Some(sqlparser::ast::Statement::Query(q)) => *q,
        _ => unreachable!("SELECT 1 parses"),
    };
    q.body = Box::new(body);
    q
}

/// `a UNION ALL b UNION ALL …`.
pub fn union_all(parts: Vec<Query>) -> Query {
    let mut bodies = parts.into_iter().map(|q| *q.body);
    let first = bodies
        .next()
        .unwrap_or_else(|| unreachable!("a union of something"));
    let body = bodies.fold(first, |left, right| SetExpr::SetOperation {
        left: Box::new(left),
        op: SetOperator::Union,
        set_quantifier: SetQuantifier::All,
        right: Box::new(right),
    });
    query(body)
}

/// `WITH name AS (query), … body`.
pub fn with(ctes: Vec<(String, Query)>, mut body: Query) -> Query {
    body.with = Some(With {
        with_token: sqlparser::ast::helpers::attached_token::AttachedToken::empty(),
        recursive: false,
        cte_tables: ctes
            .into_iter()
            .map(|(n, q)| Cte {
                alias: TableAlias {
                    explicit: false,
                    name: name(&n),
                    columns: vec![],
                    at: None,
                },
                query: Box::new(q),
                from: None,
                materialized: None::<CteAsMaterialized>,
                closing_paren_token: sqlparser::ast::helpers::attached_token::AttachedToken::empty(
                ),
            })
            .collect(),
    });
    body
}
