//! typst used as a library: the one place Milepost lays out pages. A document is one of
//! the templates in `typst/` (compiled into the binary) plus `/data.json`, the data the
//! template reads with `json("/data.json")` — names never become markup, so `#`, `$`,
//! `*`, `@`, `<` in a name are just characters. Fonts are shipped with the binary (Inter,
//! under the OFL, beside typst's own), never read from the system, so a playbook looks
//! the same on every machine.

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime};
use typst::layout::{Frame, FrameItem, Transform};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;

/// The templates, by the path they import each other with.
const TEMPLATES: [(&str, &str); 4] = [
    ("/common.typ", include_str!("typst/common.typ")),
    ("/playbook.typ", include_str!("typst/playbook.typ")),
    ("/map.typ", include_str!("typst/map.typ")),
    ("/value.typ", include_str!("typst/value.typ")),
];

const INTER: [&[u8]; 4] = [
    include_bytes!("fonts/Inter-Regular.otf"),
    include_bytes!("fonts/Inter-Italic.otf"),
    include_bytes!("fonts/Inter-SemiBold.otf"),
    include_bytes!("fonts/Inter-Bold.otf"),
];

/// Fonts for what Inter has no glyphs for — Hebrew, Arabic, symbols, emoji — read from the
/// system when it has them (Debian: fonts-dejavu-core, fonts-noto-color-emoji). They are
/// only ever a fallback: every text asks for Inter first.
const FALLBACKS: [&str; 6] = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf",
    "/System/Library/Fonts/Apple Color Emoji.ttc",
    "C:\\Windows\\Fonts\\seguiemj.ttf",
    "C:\\Windows\\Fonts\\arial.ttf",
];

struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

static FONTS: LazyLock<Fonts> = LazyLock::new(|| {
    let system = FALLBACKS
        .iter()
        .filter_map(|path| std::fs::read(path).ok())
        .flat_map(|data| Font::iter(Bytes::new(data)));
    let fonts: Vec<Font> = INTER
        .into_iter()
        .chain(typst_assets::fonts())
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .chain(system)
        .collect();
    Fonts {
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
    }
});

static LIBRARY: LazyLock<LazyHash<Library>> =
    LazyLock::new(|| LazyHash::new(Library::builder().build()));

fn file_id(path: &str) -> FileId {
    RootedPath::new(
        VirtualRoot::Project,
        VirtualPath::new(path).expect("a template path is a valid virtual path"),
    )
    .intern()
}

/// The templates and one document's data, as typst sees them.
struct Document {
    main: FileId,
    data: Bytes,
}

impl World for Document {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        TEMPLATES
            .iter()
            .find(|(path, _)| file_id(path) == id)
            .map(|(_, text)| Source::new(id, (*text).to_owned()))
            .ok_or_else(|| not_found(id))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == file_id("/data.json") {
            return Ok(self.data.clone());
        }
        self.source(id)
            .map(|s| Bytes::from_string(s.text().to_owned()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        // The template prints the date it is given; a page never depends on the clock.
        None
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.get().vpath().get_without_slash().into())
}

/// A laid-out document, and what typst warned about while laying it out (a missing
/// glyph, an unknown font): tests treat a warning as a failure.
#[derive(Debug)]
pub struct Typeset {
    pub document: PagedDocument,
    pub warnings: Vec<String>,
}

fn messages(world: &Document, diags: &[SourceDiagnostic]) -> Vec<String> {
    use typst::WorldExt;
    diags
        .iter()
        .map(|d| {
            // Where in which template: a fault there is Milepost's, and names the line.
            let place = d.span.id().and_then(|id| {
                let source = world.source(id).ok()?;
                let range = world.range(d.span)?;
                let line = source.lines().byte_to_line(range.start)? + 1;
                Some(format!("{}:{line}: ", id.get().vpath().get_without_slash()))
            });
            let mut m = format!("{}{}", place.unwrap_or_default(), d.message);
            for hint in &d.hints {
                m.push_str("; ");
                m.push_str(hint.v.as_str());
            }
            m
        })
        .collect()
}

/// Lays out `template` (`playbook.typ`, `map.typ`) over `data`.
pub fn typeset(template: &str, data: &impl serde::Serialize) -> crate::Result<Typeset> {
    let bytes = serde_json::to_vec(data).map_err(|e| crate::Error::Typeset(e.to_string()))?;
    let world = Document {
        main: file_id(&format!("/{template}")),
        data: Bytes::new(bytes),
    };
    let warned = typst::compile::<PagedDocument>(&world);
    let warnings = messages(&world, &warned.warnings);
    let result = warned
        .output
        .map(|document| Typeset { document, warnings })
        .map_err(|errors| crate::Error::Typeset(messages(&world, &errors).join("; ")));
    // typst memoises layouts across calls; without trimming, a running app grows by tens
    // of megabytes an export. What the last few exports used is kept, to make a preview
    // followed by its save fast.
    typst::comemo::evict(3);
    result
}

/// A laid-out document as PDF.
pub fn pdf(t: &Typeset, title: &str) -> crate::Result<Vec<u8>> {
    let options = typst_pdf::PdfOptions {
        ident: typst::foundations::Smart::Custom(title.to_owned()),
        creator: typst::foundations::Smart::Custom(Some("Milepost".to_owned())),
        ..Default::default()
    };
    typst_pdf::pdf(&t.document, &options).map_err(|errors| {
        crate::Error::Typeset(
            errors
                .iter()
                .map(|d| d.message.as_str())
                .collect::<Vec<_>>()
                .join("; "),
        )
    })
}

/// Page `index` as a PNG, `scale` pixels per point (1 pt = 1/72 in: 2.0 is 144 dpi).
pub fn png(t: &Typeset, index: usize, scale: f32) -> crate::Result<Vec<u8>> {
    let page =
        t.document.pages().get(index).ok_or_else(|| {
            crate::Error::Typeset(format!("the document has no page {}", index + 1))
        })?;
    let pixmap = typst_render::render(
        page,
        &typst_render::RenderOptions {
            pixel_per_pt: f64::from(scale).into(),
            render_bleed: false,
        },
    );
    pixmap
        .encode_png()
        .map_err(|e| crate::Error::Typeset(e.to_string()))
}

/// Page `index` as SVG, its words as `<text>` — editable and searchable when the picture
/// is placed on a slide — rather than the glyph outlines typst-svg draws. The shapes and
/// images come from typst-svg, drawn from the page without its text; each run of text is
/// then written at the place, size, weight and colour typst laid it out, its width held to
/// typst's (`textLength`) so it lines up even where the viewer's font differs.
pub fn svg(t: &Typeset, index: usize) -> crate::Result<String> {
    let page =
        t.document.pages().get(index).ok_or_else(|| {
            crate::Error::Typeset(format!("the document has no page {}", index + 1))
        })?;
    let mut runs = String::new();
    text_runs(&page.frame, Transform::identity(), &mut runs);
    let mut bare = page.clone();
    without_text(&mut bare.frame);
    let mut svg = typst_svg::svg(
        &bare,
        &typst_svg::SvgOptions {
            render_bleed: false,
            pretty: false,
        },
    );
    let end = svg
        .rfind("</svg>")
        .ok_or_else(|| crate::Error::Typeset("typst-svg wrote no closing </svg>".to_owned()))?;
    svg.insert_str(end, &runs);
    Ok(svg)
}

/// Removes every run of text from `frame` and the groups inside it.
fn without_text(frame: &mut Frame) {
    frame.retain(|item| match item {
        FrameItem::Text(_) => false,
        FrameItem::Group(g) => {
            without_text(&mut g.frame);
            true
        }
        _ => true,
    });
}

/// Writes each run of text in `frame` (placed by `at`) as an SVG `<text>` element.
fn text_runs(frame: &Frame, at: Transform, out: &mut String) {
    use std::fmt::Write as _;
    for (pos, item) in frame.items() {
        let here = at.pre_concat(Transform::translate(pos.x, pos.y));
        match item {
            FrameItem::Group(g) => text_runs(&g.frame, here.pre_concat(g.transform), out),
            FrameItem::Text(text) if !text.text.trim().is_empty() => {
                let info = text.font.font().info();
                let fill = match &text.fill {
                    typst::visualize::Paint::Solid(c) => c.to_hex().to_string(),
                    _ => "#000000".to_owned(),
                };
                let italic = info.variant.style != typst::text::FontStyle::Normal;
                let _ = write!(
                    out,
                    "<text transform=\"matrix({} {} {} {} {} {})\" font-family=\"{}, sans-serif\" font-size=\"{}\" font-weight=\"{}\"{} fill=\"{fill}\" textLength=\"{}\" lengthAdjust=\"spacingAndGlyphs\" xml:space=\"preserve\">{}</text>",
                    here.sx.get(),
                    here.ky.get(),
                    here.kx.get(),
                    here.sy.get(),
                    here.tx.to_pt(),
                    here.ty.to_pt(),
                    xml_escape(&info.family),
                    text.size.to_pt(),
                    info.variant.weight.to_number(),
                    if italic { " font-style=\"italic\"" } else { "" },
                    text.width().to_pt(),
                    xml_escape(&text.text),
                );
            }
            _ => {}
        }
    }
}

/// Text safe inside an XML element or a double-quoted attribute.
fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Control characters are not allowed in XML 1.0 (a name with one stays legible).
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// The size of page `index` in points (1/72 in), or None without that page.
pub fn page_size(t: &Typeset, index: usize) -> Option<(f64, f64)> {
    let size = t.document.pages().get(index)?.frame.size();
    Some((size.x.to_pt(), size.y.to_pt()))
}

/// How many pages a document has.
pub fn pages(t: &Typeset) -> usize {
    t.document.pages().len()
}
