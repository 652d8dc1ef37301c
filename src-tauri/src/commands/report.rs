//! The Export dialog: the playbook PDF (its first pages previewed before saving), the
//! journey map as PNG or SVG, the journey file with its analytics snapshot, and the
//! customer assessment as CSV. Every file is written whole or not at all.

use std::path::PathBuf;
use std::sync::Arc;

use milepost::engine::{Dataset, Scores};
use milepost::journey::Journey;
use milepost::report::{self, ExportProgress, ImageFormat, MapOptions, Options, Preview};
use tauri::State;
use tauri::ipc::Channel;

use crate::error::CommandResult;
use crate::state::AppState;
use crate::work::Job;

/// Pixels per point of a preview page: an A4 page 595 px wide, sharp at the dialog's size.
const PREVIEW_SCALE: f32 = 1.0;
/// How many pages the preview shows.
const PREVIEW_PAGES: usize = 3;

/// A journey, and the workspace's data and scores when it has events.
type Inputs = (Journey, Option<(Arc<Dataset>, Arc<Scores>)>);

async fn inputs(state: &AppState, id: i64) -> CommandResult<Inputs> {
    let journey = state.with_store(move |s| s.load_journey(id)).await?;
    let data = state.dataset_for(id).await?;
    if data.latest().is_none() {
        return Ok((journey, None));
    }
    let scores = state.scores(data.clone(), &journey).await?;
    Ok((journey, Some((data, scores))))
}

/// Where to save `name` without asking, when the app was started with `--save-to DIR`.
#[tauri::command]
pub fn preset_save_path(name: String, state: State<'_, AppState>) -> Option<PathBuf> {
    state.save_to.as_ref().map(|dir| dir.join(name))
}

/// The playbook options with the workspace's currency, which the UI never sets.
async fn in_currency(state: &AppState, options: Options) -> CommandResult<Options> {
    let currency = state.with_store(|s| s.currency()).await?;
    Ok(Options {
        currency,
        ..options
    })
}

/// The playbook's first pages, for the preview.
#[tauri::command]
pub async fn playbook_preview(
    id: i64,
    options: Options,
    state: State<'_, AppState>,
) -> CommandResult<Preview> {
    let options = in_currency(&state, options).await?;
    let (journey, data) = inputs(&state, id).await?;
    crate::work::run(move || {
        let data = data.as_ref().map(|(d, s)| (d.as_ref(), s.as_ref()));
        report::playbook_preview(
            &journey,
            data,
            &options,
            milepost::now(),
            PREVIEW_PAGES,
            PREVIEW_SCALE,
        )
    })
    .await
}

/// Writes the playbook PDF to `path`, telling `on_progress` each step; `cancel_export`
/// stops it before anything is written.
#[tauri::command]
pub async fn export_playbook(
    id: i64,
    options: Options,
    path: PathBuf,
    on_progress: Channel<ExportProgress>,
    state: State<'_, AppState>,
) -> CommandResult<()> {
    let options = in_currency(&state, options).await?;
    let (journey, data) = inputs(&state, id).await?;
    state
        .jobs
        .run(Job::Export, move |cancel| {
            let data = data.as_ref().map(|(d, s)| (d.as_ref(), s.as_ref()));
            let mut progress = |p: ExportProgress| {
                let _ = on_progress.send(p);
            };
            let pdf = report::playbook_pdf_with(
                &journey,
                data,
                &options,
                milepost::now(),
                &mut progress,
                cancel,
            )?;
            report::write_atomic(&path, &pdf)
        })
        .await
}

/// Stops the running export; it reports `cancelled` and writes nothing.
#[tauri::command]
pub fn cancel_export(state: State<'_, AppState>) {
    state.jobs.cancel(Job::Export);
}

/// The journey map as a PNG data URL, for the preview.
#[tauri::command]
pub async fn map_preview(
    id: i64,
    options: MapOptions,
    state: State<'_, AppState>,
) -> CommandResult<String> {
    let (journey, data) = inputs(&state, id).await?;
    crate::work::run(move || {
        let data = data.as_ref().map(|(d, s)| (d.as_ref(), s.as_ref()));
        report::journey_map(&journey, data, &options, ImageFormat::Png, milepost::now())
            .map(|png| report::png_data_url(&png))
    })
    .await
}

/// Writes the journey map as PNG (2×, for slides) or SVG.
#[tauri::command]
pub async fn export_map(
    id: i64,
    options: MapOptions,
    format: ImageFormat,
    path: PathBuf,
    state: State<'_, AppState>,
) -> CommandResult<()> {
    let (journey, data) = inputs(&state, id).await?;
    crate::work::run(move || {
        let data = data.as_ref().map(|(d, s)| (d.as_ref(), s.as_ref()));
        let bytes = report::journey_map(&journey, data, &options, format, milepost::now())?;
        report::write_atomic(&path, &bytes)
    })
    .await
}

/// Writes the journey file; with `with_data`, its analytics snapshot too.
#[tauri::command]
pub async fn export_journey_file(
    id: i64,
    path: PathBuf,
    with_data: bool,
    state: State<'_, AppState>,
) -> CommandResult<()> {
    let (journey, data) = inputs(&state, id).await?;
    crate::work::run(move || {
        let data = data
            .as_ref()
            .filter(|_| with_data)
            .map(|(d, s)| (d.as_ref(), s.as_ref()));
        report::write_atomic(&path, report::journey_file(&journey, data).as_bytes())
    })
    .await
}

/// Writes the customer assessment (as of the latest event's day) as CSV for Excel.
#[tauri::command]
pub async fn export_customers_csv(
    id: i64,
    path: PathBuf,
    state: State<'_, AppState>,
) -> CommandResult<()> {
    let (journey, data) = inputs(&state, id).await?;
    let Some((data, scores)) = data else {
        return Err(super::no_data_yet());
    };
    let currency = state.with_store(|s| s.currency()).await?;
    let text = crate::work::compute(move || {
        let day = data.latest().unwrap_or_default();
        let a = milepost::engine::assess(&journey, &data, milepost::engine::cutoff_of_day(day));
        report::csv::customers(
            &journey,
            &data,
            &scores,
            &a,
            &milepost::engine::Filter::default(),
            &currency,
        )
    })
    .await?;
    super::write_csv(path, text).await
}

/// A built-in journey's map as a small PNG data URL, for the welcome gallery.
#[tauri::command]
pub async fn template_preview(key: String) -> CommandResult<String> {
    crate::work::run(move || {
        let journey = milepost::journey::templates::get(&key)
            .ok_or(milepost::Error::TemplateNotFound(key))?;
        report::journey_thumbnail(&journey, milepost::now()).map(|png| report::png_data_url(&png))
    })
    .await
}

/// Writes the workshop summary as Markdown.
#[tauri::command]
pub async fn export_workshop_summary(
    id: i64,
    path: PathBuf,
    state: State<'_, AppState>,
) -> CommandResult<()> {
    let journey = state.with_store(move |s| s.load_journey(id)).await?;
    crate::work::run(move || {
        let md = report::workshop::summary_markdown(
            &journey,
            &milepost::format::long_date(milepost::now()),
        );
        report::write_atomic(&path, md.as_bytes())
    })
    .await
}
