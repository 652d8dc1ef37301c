//! The Matrices view: a matrix filled with points, re-scoring a stakeholder (a dragged
//! point), the priority ranking and its CSV, and the built-in lenses to add to a journey.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use milepost::engine::Filter;
use milepost::journey::{Matrix, ScoreField};
use milepost::matrix::Level;
use milepost::matrix::priority::{self, Ranking};
use milepost::matrix::screen::MatrixScreen;
use milepost::store::Rescore;
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

fn day(text: &str, what: &str) -> CommandResult<i64> {
    milepost::data::values::parse_timestamp(text, milepost::data::DateOrder::Auto)
        .map(milepost::engine::cutoff_of_day)
        .map_err(|e| {
            milepost::Error::Data {
                path: what.into(),
                message: e,
            }
            .into()
        })
}

/// Matrix `matrix` of stored journey `id` as of the latest event's day (today, without
/// events: a stakeholder workshop's scores need none), for a segment and an owner
/// (default: all), with the positions at the end of `compare` when given; null without
/// that matrix.
#[tauri::command]
#[allow(clippy::too_many_arguments)]
pub async fn matrix_screen(
    id: i64,
    matrix: String,
    level: Level,
    segment: Option<String>,
    owner: Option<String>,
    compare: Option<String>,
    state: State<'_, AppState>,
) -> CommandResult<Option<MatrixScreen>> {
    let stored = state.with_store(move |s| s.stored_journey(id)).await?;
    let journey = Arc::new(stored.journey);
    let data = state.dataset_for(id).await?;
    let latest = milepost::engine::default_day(&data);
    let scores = state.scores(data.clone(), &journey).await?;
    let compare = compare.map(|c| day(&c, "compare with")).transpose()?;
    let cutoff = milepost::engine::cutoff_of_day(latest);
    let (a, known) = state
        .assessment(id, stored.revision, journey.clone(), data.clone(), cutoff)
        .await?;
    crate::work::compute(move || {
        let filter = Filter {
            segment,
            owner,
            ..Default::default()
        };
        milepost::matrix::screen::screen(
            &journey, &data, &scores, &a, &known, &filter, &matrix, level, compare,
        )
    })
    .await
}

/// Sets one stakeholder's score (a dragged or nudged point, or an undo) and returns the
/// value it replaced; the previous value stays in the history.
#[tauri::command]
pub async fn rescore(
    journey: Option<i64>,
    change: Rescore,
    state: State<'_, AppState>,
) -> CommandResult<Option<f64>> {
    let data = match journey {
        Some(id) => state.dataset_for(id).await?,
        None => state.dataset().await?,
    };
    let c = change.clone();
    let before = state.with_store(move |s| s.rescore(&c)).await?;
    if let Some(i) = data
        .customers
        .iter()
        .position(|x| x.id == change.customer_id)
    {
        state.rescored(&data, i, &change, before);
    }
    Ok(before)
}

async fn ranking(
    id: i64,
    weights: BTreeMap<ScoreField, f64>,
    decision_weight: f64,
    limit: Option<usize>,
    state: &AppState,
) -> CommandResult<(Ranking, Vec<Matrix>)> {
    let (stored, currency) = state
        .with_store(move |s| Ok((s.stored_journey(id)?, s.currency()?)))
        .await?;
    let journey = Arc::new(stored.journey);
    let data = state.dataset_for(id).await?;
    let scores = state.scores(data.clone(), &journey).await?;
    let cutoff = milepost::engine::cutoff_of_day(milepost::engine::default_day(&data));
    let (a, _) = state
        .assessment(id, stored.revision, journey.clone(), data.clone(), cutoff)
        .await?;
    crate::work::compute(move || {
        let who = milepost::engine::population(&data, &a, &Filter::default());
        let r = milepost::engine::Reader::new(&journey, &data, &scores, cutoff);
        let dims: Vec<(ScoreField, f64)> = weights.into_iter().filter(|w| w.1 > 0.0).collect();
        let p = priority::rank(&r, &who, &dims, decision_weight, &journey.matrices, limit)
            .in_currency(&currency);
        (p, journey.matrices.clone())
    })
    .await
}

/// Every customer ranked by the weighted dimensions, with its quadrants, support and the
/// sensitivity of the top ten to each weight; the first `limit` rows written out.
#[tauri::command]
pub async fn priority_ranking(
    id: i64,
    weights: BTreeMap<ScoreField, f64>,
    decision_weight: f64,
    limit: Option<usize>,
    state: State<'_, AppState>,
) -> CommandResult<Ranking> {
    Ok(ranking(id, weights, decision_weight, limit, &state)
        .await?
        .0)
}

/// Writes the ranking as spreadsheet-safe CSV.
#[tauri::command]
pub async fn export_priority_csv(
    id: i64,
    weights: BTreeMap<ScoreField, f64>,
    decision_weight: f64,
    path: PathBuf,
    state: State<'_, AppState>,
) -> CommandResult<()> {
    let (p, matrices) = ranking(id, weights, decision_weight, None, &state).await?;
    let text = priority::to_csv(&p, &matrices);
    super::write_csv(path, text).await
}

/// Seed 004's four lenses, to add to a journey.
#[tauri::command]
pub fn builtin_matrices() -> Vec<Matrix> {
    milepost::journey::templates::builtin_matrices()
}
