//! What leaves Milepost as a file for other people: the playbook as PDF, the journey map
//! as an image for slides, the customer assessment as CSV. Every file is written whole or
//! not at all. typst, which lays out the pages, is used behind `typeset` alone.

pub mod analytics;
pub mod csv;
pub mod playbook;
pub mod typeset;
pub mod value_review;
pub mod workshop;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::engine::{Dataset, Scores};
use crate::journey::Journey;
pub use playbook::{Options, Paper, Sections};
pub use typeset::Typeset;

/// Lays out the playbook of `journey` (with the numbers, when `data` is given and the
/// options ask for them); `today` is the generation date printed on it.
pub fn playbook_document(
    journey: &Journey,
    data: Option<(&Dataset, &Scores)>,
    options: &Options,
    today: i64,
) -> crate::Result<Typeset> {
    let book = playbook::playbook(journey, data, options, today)?;
    typeset::typeset("playbook.typ", &book)
}

/// The playbook as a PDF file's bytes.
pub fn playbook_pdf(
    journey: &Journey,
    data: Option<(&Dataset, &Scores)>,
    options: &Options,
    today: i64,
) -> crate::Result<Vec<u8>> {
    let never = std::sync::atomic::AtomicBool::new(false);
    playbook_pdf_with(journey, data, options, today, &mut |_| {}, &never)
}

/// Where a long export is: step `step` of `steps`, in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ExportProgress {
    pub step: u32,
    pub steps: u32,
    pub words: String,
}

/// The playbook as PDF, telling `progress` each step and stopping with
/// `Error::Cancelled` between steps once `cancel` is set (nothing is written by then:
/// the caller writes the bytes only when they come back).
pub fn playbook_pdf_with(
    journey: &Journey,
    data: Option<(&Dataset, &Scores)>,
    options: &Options,
    today: i64,
    progress: &mut dyn FnMut(ExportProgress),
    cancel: &std::sync::atomic::AtomicBool,
) -> crate::Result<Vec<u8>> {
    let mut step = |n: u32, words: &str| {
        if cancel.load(std::sync::atomic::Ordering::Relaxed) {
            return Err(crate::Error::Cancelled);
        }
        progress(ExportProgress {
            step: n,
            steps: 3,
            words: words.to_owned(),
        });
        Ok(())
    };
    step(1, "Working out the numbers")?;
    let book = playbook::playbook(journey, data, options, today)?;
    step(2, "Laying out the pages")?;
    let t = typeset::typeset("playbook.typ", &book)?;
    step(3, "Writing the PDF")?;
    let pdf = typeset::pdf(&t, &journey.name)?;
    if cancel.load(std::sync::atomic::Ordering::Relaxed) {
        return Err(crate::Error::Cancelled);
    }
    Ok(pdf)
}

/// The first pages of a document, as the Export dialog shows them before saving.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Preview {
    /// `data:image/png;base64,…` URLs, one a page.
    pub pages: Vec<String>,
    /// How many pages the whole document has.
    pub total: u32,
}

/// A PNG as a URL an `<img>` shows.
pub fn png_data_url(png: &[u8]) -> String {
    use base64::Engine;
    format!(
        "data:image/png;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(png)
    )
}

/// The first `pages` pages of the playbook at `scale` pixels per point.
pub fn playbook_preview(
    journey: &Journey,
    data: Option<(&Dataset, &Scores)>,
    options: &Options,
    today: i64,
    pages: usize,
    scale: f32,
) -> crate::Result<Preview> {
    let t = playbook_document(journey, data, options, today)?;
    let total = typeset::pages(&t);
    let pages = (0..pages.min(total))
        .map(|i| typeset::png(&t, i, scale).map(|png| png_data_url(&png)))
        .collect::<crate::Result<_>>()?;
    Ok(Preview {
        pages,
        total: total as u32,
    })
}

/// The journey file (`milepost/journey@1`); with `data`, its analytics snapshot too.
pub fn journey_file(journey: &Journey, data: Option<(&Dataset, &Scores)>) -> String {
    let analytics = data
        .and_then(|(d, s)| analytics::snapshot(journey, d, s))
        .and_then(|snapshot| serde_json::to_value(snapshot).ok());
    crate::journey::file::to_string_with(journey, analytics)
}

/// The colours of a journey map image.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

/// An image's file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ImageFormat {
    Png,
    Svg,
}

/// How to draw the journey map.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct MapOptions {
    pub theme: Theme,
    /// Only these stages (by id), e.g. the ones in view on the canvas; all when absent.
    #[serde(default)]
    pub stages: Option<Vec<String>>,
    /// `YYYY-MM-DD`: the counts as of this day [default: the latest event's day].
    #[serde(default)]
    pub as_of: Option<String>,
    /// Leave the live counts out even when the workspace has data.
    #[serde(default)]
    pub no_data: bool,
}

#[derive(Debug, Serialize)]
struct MapData {
    title: String,
    generated: String,
    as_of: Option<String>,
    theme: Theme,
    stages: Vec<playbook::StagePage>,
}

/// Pixels per point of a PNG map: 2× a 72-dpi slide, sharp on a projector and a retina
/// screen.
pub const MAP_SCALE: f32 = 2.0;

/// The journey map as an image: PNG (at least 3,840 pixels wide, `map_scale`) or SVG.
pub fn journey_map(
    journey: &Journey,
    data: Option<(&Dataset, &Scores)>,
    options: &MapOptions,
    format: ImageFormat,
    today: i64,
) -> crate::Result<Vec<u8>> {
    let t = map_document(journey, data, options, today)?;
    match format {
        ImageFormat::Png => typeset::png(&t, 0, map_scale(typeset::page_size(&t, 0))),
        ImageFormat::Svg => typeset::svg(&t, 0).map(String::into_bytes),
    }
}

/// The map image's pixels per point: crisp when placed full width on a 1,920-pixel slide
/// at 2× (at least 3,840 pixels wide, and at least `MAP_SCALE`), but never more than
/// `MAP_PIXELS` in all, however large a journey is: a huge map gets fewer pixels a point.
fn map_scale(size: Option<(f64, f64)>) -> f32 {
    let Some((w, h)) = size.filter(|(w, h)| *w > 0.0 && *h > 0.0) else {
        return MAP_SCALE;
    };
    let wanted = (MAP_WIDTH_PX / w).max(f64::from(MAP_SCALE));
    let most = (MAP_PIXELS / (w * h)).sqrt();
    wanted.min(most) as f32
}

/// A slide 1,920 pixels wide shown at 2×.
const MAP_WIDTH_PX: f64 = 3840.0;
/// About 60 megapixels: a 240 MB buffer, the most a map image may take.
const MAP_PIXELS: f64 = 60.0e6;

/// A small picture of a journey's map (no numbers), for the template gallery.
pub fn journey_thumbnail(journey: &Journey, today: i64) -> crate::Result<Vec<u8>> {
    let t = map_document(journey, None, &MapOptions::default(), today)?;
    typeset::png(&t, 0, 0.75)
}

fn map_document(
    journey: &Journey,
    data: Option<(&Dataset, &Scores)>,
    options: &MapOptions,
    today: i64,
) -> crate::Result<Typeset> {
    let book = playbook::playbook(
        journey,
        data,
        &Options {
            as_of: options.as_of.clone(),
            no_data: options.no_data,
            ..Options::default()
        },
        today,
    )?;
    let stages = match &options.stages {
        Some(ids) => book
            .stages
            .into_iter()
            .filter(|s| ids.contains(&s.id))
            .collect(),
        None => book.stages,
    };
    typeset::typeset(
        "map.typ",
        &MapData {
            title: book.title,
            generated: book.generated,
            as_of: book.numbers.map(|n| n.as_of),
            theme: options.theme,
            stages,
        },
    )
}

/// Writes a file whole or not at all (`crate::fs::write_atomic`), for the exports here.
pub use crate::fs::write_atomic;
