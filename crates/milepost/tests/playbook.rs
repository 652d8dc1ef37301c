//! The playbook PDF and the journey map image, read back the way a person and a PDF
//! checker would: `pdftotext` finds every name and the engine's funnel numbers, nothing
//! lies outside the page, `qpdf --check` passes, and a journey made to break layouts
//! (markup characters, emoji, right-to-left text, 200-character names, 12 stages × 35
//! cards) still lays out.

use std::path::Path;
use std::process::Command;

use milepost::engine::{Dataset, Filter, Scores, assess, cutoff_of_day, funnel};
use milepost::journey::{Activity, Journey, Milestone, Role, Stage, templates};
use milepost::report::{self, ImageFormat, MapOptions, Options, Paper, Theme};
use milepost::store::Store;

/// A word pdftotext found, with its box in points from the page's top-left corner.
#[derive(Debug)]
struct Word {
    text: String,
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

#[derive(Debug)]
struct Page {
    width: f64,
    height: f64,
    words: Vec<Word>,
    /// Each text block's words joined by spaces: a wrapped name reads whole here.
    blocks: Vec<String>,
}

fn attr(tag: &str, name: &str) -> f64 {
    let at = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
    let end = tag[at..].find('"').unwrap();
    tag[at..at + end].parse().unwrap()
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Every page's words and blocks, from `pdftotext -bbox-layout`.
fn read_pdf(pdf: &[u8]) -> Vec<Page> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.pdf");
    std::fs::write(&file, pdf).unwrap();
    let out = Command::new("pdftotext")
        .args(["-bbox-layout", "-enc", "UTF-8"])
        .arg(&file)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed by `make test`");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Lossy: poppler writes an emoji in the document title as two UTF-16 halves.
    let html = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut pages = Vec::new();
    for chunk in html.split("<page ").skip(1) {
        let head = &chunk[..chunk.find('>').unwrap()];
        let mut page = Page {
            width: attr(head, "width"),
            height: attr(head, "height"),
            words: Vec::new(),
            blocks: Vec::new(),
        };
        for block in chunk.split("<block ").skip(1) {
            let mut words = Vec::new();
            for w in block.split("<word ").skip(1) {
                let close = w.find('>').unwrap();
                let tag = &w[..close];
                let text = unescape(&w[close + 1..w.find("</word>").unwrap()]);
                words.push(text.clone());
                page.words.push(Word {
                    text,
                    x0: attr(tag, "xMin"),
                    y0: attr(tag, "yMin"),
                    x1: attr(tag, "xMax"),
                    y1: attr(tag, "yMax"),
                });
            }
            page.blocks.push(words.join(" "));
        }
        pages.push(page);
    }
    pages
}

/// The whole text with every run of white space made one space, and the zero-width
/// spaces that let long words wrap taken out; emoji too, which print only where the
/// system has an emoji font.
fn flat(s: &str) -> String {
    s.chars()
        .filter(|c| {
            // Zero-width spaces, the marks pdftotext puts around right-to-left text, emoji.
            !matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}')
                && !('\u{1F000}'..='\u{1FAFF}').contains(c)
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn blocks(pages: &[Page]) -> Vec<String> {
    pages
        .iter()
        .flat_map(|p| p.blocks.iter().map(|b| flat(b)))
        .collect()
}

fn assert_named(blocks: &[String], name: &str, what: &str) {
    let name = flat(name);
    assert!(
        blocks.iter().any(|b| b.contains(&name)),
        "the {what} \"{name}\" is not in the PDF's text"
    );
}

/// With MILEPOST_TEST_PDFS=DIR, keeps a PDF to look at (`pdftoppm -png -r 60`).
fn keep(pdf: &[u8], name: &str) {
    if let Some(dir) = std::env::var_os("MILEPOST_TEST_PDFS") {
        std::fs::write(Path::new(&dir).join(name), pdf).unwrap();
    }
}

fn qpdf_check(pdf: &[u8]) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.pdf");
    std::fs::write(&file, pdf).unwrap();
    let out = Command::new("qpdf")
        .arg("--check")
        .arg(&file)
        .output()
        .expect("qpdf");
    assert!(
        out.status.success(),
        "qpdf --check: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Nothing drawn as text lies outside its page.
fn assert_inside(pages: &[Page]) {
    for (i, p) in pages.iter().enumerate() {
        // A colour emoji is a bitmap glyph whose box poppler reports as its whole bitmap
        // font's; its place is checked by eye in the rendered page instead.
        for w in p.words.iter().filter(|w| !flat(&w.text).is_empty()) {
            assert!(
                w.x0 >= 0.0 && w.y0 >= 0.0 && w.x1 <= p.width + 0.5 && w.y1 <= p.height + 0.5,
                "page {}: \"{}\" at ({:.0}, {:.0})–({:.0}, {:.0}) is outside the {:.0} × {:.0} page",
                i + 1,
                w.text,
                w.x0,
                w.y0,
                w.x1,
                w.y1,
                p.width,
                p.height
            );
        }
    }
}

fn demo() -> (Dataset, Scores) {
    let mut store = Store::open_in_memory().unwrap();
    milepost::demo::load(&mut store, 600, 11).unwrap();
    let data = store.load_dataset().unwrap();
    let scores = store.load_scores(&data, None).unwrap();
    (data, scores)
}

fn render(j: &Journey, data: Option<(&Dataset, &Scores)>, options: &Options) -> Vec<u8> {
    let t = report::playbook_document(j, data, options, 1_796_256_000).unwrap();
    assert_eq!(t.warnings, Vec::<String>::new(), "typst warned");
    report::typeset::pdf(&t, &j.name).unwrap()
}

#[test]
fn every_template_prints_every_name_and_the_engines_funnel_with_and_without_data() {
    let (data, scores) = demo();
    for tpl in templates::list() {
        let j = templates::get(tpl.key).unwrap();
        for with_data in [false, true] {
            let pdf = render(
                &j,
                with_data.then_some((&data, &scores)),
                &Options {
                    company: Some("Northwind Traders".into()),
                    ..Options::default()
                },
            );
            assert!(pdf.starts_with(b"%PDF-"));
            keep(
                &pdf,
                &format!(
                    "{}-{}.pdf",
                    tpl.key,
                    if with_data { "data" } else { "plain" }
                ),
            );
            qpdf_check(&pdf);
            let pages = read_pdf(&pdf);
            assert_inside(&pages);
            let text = blocks(&pages);
            let what = format!(
                "{} ({})",
                tpl.key,
                if with_data { "data" } else { "no data" }
            );
            assert!(
                (6..=40).contains(&pages.len()),
                "{what}: {} pages",
                pages.len()
            );
            assert_named(&text, &j.name, "journey");
            assert_named(&text, "Northwind Traders", "company");
            for s in &j.stages {
                assert_named(&text, &s.name, "stage");
            }
            for (_, m) in j.milestones() {
                assert_named(&text, &m.name, "milestone");
            }
            for a in &j.activities {
                assert_named(&text, &a.name, "activity");
            }
            for r in &j.roles {
                assert_named(&text, &r.name, "role");
            }
            // A stage's three health paths are read together: never split over two pages.
            for (i, page) in pages.iter().enumerate() {
                let n = |label: &str| page.blocks.iter().filter(|b| flat(b) == label).count();
                assert!(
                    n("On track") == n("Caution") && n("Caution") == n("Warning"),
                    "{what}: page {} has {} on track, {} caution, {} warning",
                    i + 1,
                    n("On track"),
                    n("Caution"),
                    n("Warning")
                );
            }
            let has_numbers = text.iter().any(|b| b.contains("Success funnel"));
            assert_eq!(has_numbers, with_data, "{what}: the numbers section");
            if with_data {
                assert_funnel_matches_engine(&j, &data, &pages);
            }
        }
    }
}

/// Each funnel row of the PDF's table carries the engine's counts and rates, in order,
/// on one line.
fn assert_funnel_matches_engine(j: &Journey, data: &Dataset, pages: &[Page]) {
    let a = assess(j, data, cutoff_of_day(data.latest().unwrap()));
    let f = funnel(&j.name, data, &a, &Filter::default());
    // Words on one line of a page: the same top, left to right.
    let mut lines: Vec<String> = Vec::new();
    for page in pages {
        let mut rows: Vec<(f64, Vec<&Word>)> = Vec::new();
        for w in &page.words {
            match rows.iter_mut().find(|(y, _)| (y - w.y0).abs() < 1.0) {
                Some((_, ws)) => ws.push(w),
                None => rows.push((w.y0, vec![w])),
            }
        }
        lines.extend(rows.into_iter().map(|(_, mut ws)| {
            ws.sort_by(|a, b| a.x0.total_cmp(&b.x0));
            ws.iter()
                .map(|w| w.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        }));
    }
    assert!(f.customers > 0);
    assert!(
        lines.iter().any(|l| l.contains(&format!(
            "{} customers",
            milepost::format::count(f.customers)
        ))),
        "the customer count {} is not printed",
        f.customers
    );
    for m in &f.milestones {
        // The same texts as the CLI's table and the app's: one function formats them.
        let t = &m.text;
        let row = format!(
            "{} {} {} {}",
            t.reached,
            t.conversion_from_previous,
            t.conversion_from_start,
            t.median_days_from_start
        );
        let churn = format!("{} {}", t.churned, t.churn_rate);
        assert!(
            lines
                .iter()
                .any(|l| l.contains(&row) && l.ends_with(&churn)),
            "no funnel row reads \"{row} … {churn}\" for {}; lines:\n{}",
            m.name,
            lines.join("\n")
        );
    }
}

#[test]
fn letter_paper_prints_on_letter_pages() {
    let j = templates::get("billing-saas").unwrap();
    let pdf = render(
        &j,
        None,
        &Options {
            paper: Paper::Letter,
            ..Options::default()
        },
    );
    let pages = read_pdf(&pdf);
    // Portrait pages are 8.5 × 11 in; the landscape "at a glance" page is 11 × 8.5 in.
    for p in &pages {
        let (w, h) = (p.width.min(p.height), p.width.max(p.height));
        assert!(
            (w - 612.0).abs() < 0.5 && (h - 792.0).abs() < 0.5,
            "{w} × {h}"
        );
    }
}

const HOSTILE: [&str; 8] = [
    "Q3 #1 priority: $5,000 *bold* _under_ @team <b>tag</b> \\back `tick` = 50%",
    "Kick-off 🚀 with the champion 🎉",
    "שלב הקליטה של הלקוח",
    "مرحلة التبني",
    "$x^2$ #let x = 1 // not a comment /* nor this */",
    "Über-Onboarding für Kund:innen — “quoted” ‘single’ …",
    "EnterpriseCustomerOnboardingProgrammeWithoutAnySpacesAtAllInItsName",
    "[link](http://example.com) <!-- html --> & ampersand",
];

fn long_name(i: usize) -> String {
    let base = format!("Stage {i} with a deliberately long name that keeps going ");
    base.repeat(4).chars().take(200).collect()
}

/// 12 stages × 35 cards (20 milestones, 15 plays), names that are markup in typst,
/// Markdown or HTML, emoji, Hebrew and Arabic, 200-character names.
fn hostile_journey() -> Journey {
    let mut j = templates::blank(HOSTILE[0]);
    j.description = Some(HOSTILE.join(" · "));
    j.roles = (0..4)
        .map(|r| Role {
            id: format!("r{r}"),
            name: HOSTILE[r + 2].to_owned(),
            description: None,
            stages: Vec::new(),
        })
        .collect();
    for s in 0..12 {
        let stage_id = format!("s{s}");
        j.stages.push(Stage {
            id: stage_id.clone(),
            name: if s % 3 == 0 {
                long_name(s)
            } else {
                HOSTILE[s % HOSTILE.len()].to_owned()
            },
            desired_outcome: Some(long_name(s + 100)),
            entry_requirements: Some(HOSTILE[(s + 1) % HOSTILE.len()].to_owned()),
            expected_days: Some(30),
            milestones: (0..20)
                .map(|m| Milestone {
                    id: format!("m{s}-{m}"),
                    name: if m % 4 == 0 {
                        long_name(m)
                    } else {
                        format!("{} ({s}.{m})", HOSTILE[m % HOSTILE.len()])
                    },
                    description: Some(HOSTILE[(m + 3) % HOSTILE.len()].to_owned()),
                    first_value: m == 1,
                    criteria: vec![milepost::journey::Criterion {
                        event: "event_with_a_rather_long_name_that_never_ends_at_all".into(),
                        aggregate: milepost::journey::Aggregate::DistinctDays,
                        op: milepost::journey::Op::Ge,
                        value: 3.0,
                        window_days: Some(30),
                    }],
                    tasks: Vec::new(),
                })
                .collect(),
            health: None,
        });
        for a in 0..15 {
            j.activities.push(Activity {
                id: format!("a{s}-{a}"),
                name: if a % 5 == 0 {
                    long_name(a)
                } else {
                    format!("{} [{s}.{a}]", HOSTILE[(a + 1) % HOSTILE.len()])
                },
                description: Some(HOSTILE[a % HOSTILE.len()].to_owned()),
                stage: stage_id.clone(),
                role: (a % 5 != 4).then(|| format!("r{}", a % 4)),
                milestones: vec![format!("m{s}-{}", a % 20)],
                trigger: None,
                channel: None,
                effort: None,
            });
        }
    }
    j.notes = HOSTILE
        .iter()
        .enumerate()
        .map(|(i, t)| milepost::journey::StickyNote {
            id: format!("n{i}"),
            text: (*t).to_owned(),
            color: milepost::journey::NoteColor::Yellow,
            x: 0.0,
            y: 0.0,
            votes: i as u32,
            parked: i % 3 == 0,
            author: Some(format!("p{}", i % 3)),
        })
        .collect();
    j.workshop.participants = HOSTILE[..3]
        .iter()
        .enumerate()
        .map(|(i, name)| milepost::journey::Participant {
            id: format!("p{i}"),
            name: (*name).to_owned(),
            color: "#4338ca".into(),
        })
        .collect();
    j.workshop.decisions = vec![milepost::journey::Decision {
        id: "d1".into(),
        text: "Decision: onboarding ends at the first live cycle".into(),
    }];
    let first = milepost::journey::VoteTarget {
        kind: milepost::journey::VoteKind::Stage,
        id: j.stages[0].id.clone(),
    };
    j.workshop.rounds = vec![milepost::journey::VoteRound {
        id: "r1".into(),
        question: "Which stage matters most?".into(),
        dots: 3,
        anonymous: false,
        closed: true,
        votes: (0..3)
            .map(|i| milepost::journey::Vote {
                participant: format!("p{i}"),
                target: first.clone(),
            })
            .collect(),
    }];
    j
}

#[test]
fn a_journey_made_to_break_the_layout_still_lays_out_inside_the_page() {
    let j = hostile_journey();
    let t = report::playbook_document(&j, None, &Options::default(), 0).unwrap();
    let pdf = report::typeset::pdf(&t, &j.name).unwrap();
    keep(&pdf, "hostile.pdf");
    qpdf_check(&pdf);
    let pages = read_pdf(&pdf);
    assert_inside(&pages);
    let text = blocks(&pages);
    // Markup characters arrive as characters: nothing was read as typst, Markdown or HTML.
    for name in [HOSTILE[0], HOSTILE[4], HOSTILE[7]] {
        assert_named(&text, name, "hostile name");
    }
    assert_named(&text, &long_name(0), "200-character name");
    // The workshop appendix: who attended, the decision, the vote, the parking lot.
    assert_named(&text, "Round 1: Which stage matters most?", "voting round");
    assert_named(
        &text,
        "Decision: onboarding ends at the first live cycle",
        "decision",
    );
    assert!(
        text.iter().any(|b| b == "Parking lot"),
        "the parking lot section"
    );
    // Every stage gets its own section. Right-to-left names come out of pdftotext in
    // visual order, letters too: each of their words must be there, either way round.
    let words: Vec<String> = pages
        .iter()
        .flat_map(|p| p.words.iter().map(|w| flat(&w.text)))
        .collect();
    for (i, s) in j.stages.iter().enumerate() {
        if s.name
            .chars()
            .any(|c| ('\u{0590}'..='\u{06FF}').contains(&c))
        {
            for w in s.name.split_whitespace() {
                let back: String = w.chars().rev().collect();
                assert!(
                    words.iter().any(|x| x == w || *x == back),
                    "the word \"{w}\" of \"{}\"",
                    s.name
                );
            }
        } else {
            assert_named(
                &text,
                &format!("Stage {} · {}", i + 1, s.name),
                "stage heading",
            );
        }
    }
}

fn png_size_and_corner(png: &[u8]) -> (u32, u32, [u8; 3]) {
    let decoder = png::Decoder::new(std::io::Cursor::new(png));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let bpp = buf.len() / (info.width * info.height) as usize;
    // A pixel a little inside the corner: the background.
    let at = (4 * info.width as usize + 4) * bpp;
    (info.width, info.height, [buf[at], buf[at + 1], buf[at + 2]])
}

#[test]
fn the_journey_map_is_an_image_for_slides_in_either_theme_of_the_whole_board_or_some_stages() {
    let (data, scores) = demo();
    let j = templates::get("billing-saas").unwrap();
    let map = |options: &MapOptions, format| {
        report::journey_map(&j, Some((&data, &scores)), options, format, 0).unwrap()
    };
    let light = map(&MapOptions::default(), ImageFormat::Png);
    let dark = map(
        &MapOptions {
            theme: Theme::Dark,
            ..MapOptions::default()
        },
        ImageFormat::Png,
    );
    let (w, h, bg) = png_size_and_corner(&light);
    let (dw, dh, dark_bg) = png_size_and_corner(&dark);
    assert_eq!((w, h), (dw, dh));
    // Crisp placed full width on a 1,920-pixel slide at 2×: five stages side by side.
    assert!(w >= 3840 && w > h, "{w} × {h}");
    assert_eq!(bg, [0xf4, 0xf6, 0xf9], "the light theme's background");
    assert_eq!(dark_bg, [0x0b, 0x12, 0x20], "the dark theme's background");
    // The stages in view only: narrower.
    let two = map(
        &MapOptions {
            stages: Some(vec![j.stages[0].id.clone(), j.stages[1].id.clone()]),
            ..MapOptions::default()
        },
        ImageFormat::Png,
    );
    let (tw, th, _) = png_size_and_corner(&two);
    assert!(tw >= 3840, "two stages are as crisp on a slide: {tw}");
    assert!(
        f64::from(th) / f64::from(tw) > f64::from(h) / f64::from(w),
        "two stages are a narrower board"
    );
    // The SVG keeps its words as text, to edit on a slide: every stage's name is there.
    let svg = String::from_utf8(map(&MapOptions::default(), ImageFormat::Svg)).unwrap();
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    for s in &j.stages {
        assert!(
            svg.contains(&format!(">{}</text>", s.name)),
            "{} is not text in the SVG",
            s.name
        );
    }
    assert!(svg.contains("font-family=\"Inter, sans-serif\""));
}

/// The runs of text of an SVG map at `size` pt, as lines (by their baseline), top down.
fn svg_lines(svg: &str, size: &str) -> Vec<String> {
    let mut lines: Vec<(f64, String)> = Vec::new();
    for part in svg.split("<text ").skip(1) {
        let (attrs, rest) = part.split_once('>').unwrap();
        if !attrs.contains(&format!("font-size=\"{size}\"")) {
            continue;
        }
        let text = rest.split("</text>").next().unwrap();
        let matrix = attrs
            .split("matrix(")
            .nth(1)
            .unwrap()
            .split(')')
            .next()
            .unwrap();
        let y: f64 = matrix.split(' ').nth(5).unwrap().parse().unwrap();
        match lines.iter_mut().find(|(ly, _)| (ly - y).abs() < 0.5) {
            Some((_, l)) => l.push_str(text),
            None => lines.push((y, text.to_owned())),
        }
    }
    lines.sort_by(|a, b| a.0.total_cmp(&b.0));
    lines
        .into_iter()
        .map(|(_, l)| l.trim().to_owned())
        .collect()
}

/// A long title wraps without leaving one word ("2026") alone on its last line, and the
/// date line never shares a line with it — whatever its length.
#[test]
fn the_map_title_never_leaves_a_word_alone_on_its_last_line() {
    let mut j = templates::get("billing-saas").unwrap();
    j.stages.truncate(2);
    let words = "Billing SaaS — post-sales journey for the leadership team workshop in December";
    let mut seen_wrap = false;
    for cut in 3..=words.split(' ').count() {
        let head: Vec<&str> = words.split(' ').take(cut).collect();
        j.name = format!("{} 2026", head.join(" "));
        let svg =
            report::journey_map(&j, None, &MapOptions::default(), ImageFormat::Svg, 0).unwrap();
        let lines = svg_lines(&String::from_utf8(svg).unwrap(), "16");
        assert!(!lines.is_empty(), "{}", j.name);
        if lines.len() > 1 {
            seen_wrap = true;
            let last = lines.last().unwrap();
            assert!(
                last.split_whitespace().count() > 1,
                "\"{}\" leaves \"{last}\" alone: {lines:?}",
                j.name
            );
        }
    }
    assert!(seen_wrap, "no title was long enough to wrap");
}

#[test]
fn a_bad_as_of_date_is_refused_with_the_date_named() {
    let (data, scores) = demo();
    let j = templates::get("billing-saas").unwrap();
    let err = report::playbook_pdf(
        &j,
        Some((&data, &scores)),
        &Options {
            as_of: Some("31/31/2025".into()),
            ..Options::default()
        },
        0,
    )
    .unwrap_err();
    assert!(err.to_string().contains("31/31/2025"), "{err}");
}

#[test]
fn an_export_reports_its_steps_and_a_cancelled_one_returns_nothing() {
    use std::sync::atomic::{AtomicBool, Ordering};
    let j = templates::get("billing-saas").unwrap();
    let go = AtomicBool::new(false);
    let mut steps = Vec::new();
    let pdf = report::playbook_pdf_with(
        &j,
        None,
        &Options::default(),
        0,
        &mut |p| steps.push(p),
        &go,
    )
    .unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let words: Vec<(u32, u32, String)> = steps
        .into_iter()
        .map(|p| (p.step, p.steps, p.words))
        .collect();
    assert_eq!(
        words,
        [
            (1, 3, "Working out the numbers".to_owned()),
            (2, 3, "Laying out the pages".to_owned()),
            (3, 3, "Writing the PDF".to_owned()),
        ]
    );
    // Cancel pressed while the pages are laid out: the export stops at the next step.
    let cancel = AtomicBool::new(false);
    let err = report::playbook_pdf_with(
        &j,
        None,
        &Options::default(),
        0,
        &mut |p| {
            if p.step == 2 {
                cancel.store(true, Ordering::Relaxed);
            }
        },
        &cancel,
    )
    .unwrap_err();
    assert!(matches!(err, milepost::Error::Cancelled), "{err}");
}

/// The value review of `id` in the Billing SaaS journey over `data`, as PDF.
fn value_review(
    data: &Dataset,
    id: &str,
    paper: Paper,
) -> (Vec<u8>, milepost::value::CustomerValue) {
    use milepost::report::value_review::{ReviewOptions, review_document};
    let j = templates::get("billing-saas").unwrap();
    let cutoff = cutoff_of_day(data.latest().unwrap());
    let as_of = milepost::format::date(cutoff);
    let report = milepost::value::compute(&j, data, &as_of, cutoff, &Default::default());
    let t = review_document(
        &j,
        &report,
        data,
        id,
        &ReviewOptions {
            paper,
            company: Some("Northwind Billing".into()),
        },
        1_796_256_000,
    )
    .unwrap();
    assert_eq!(t.warnings, Vec::<String>::new(), "typst warned");
    let c = report
        .customers
        .into_iter()
        .find(|c| c.customer_id == id)
        .unwrap();
    (report::typeset::pdf(&t, id).unwrap(), c)
}

#[test]
fn a_value_review_is_one_or_two_pages_with_the_customers_numbers_against_its_peers() {
    let (mut data, _) = demo();
    let j = templates::get("billing-saas").unwrap();
    let cutoff = cutoff_of_day(data.latest().unwrap());
    let as_of = milepost::format::date(cutoff);
    let r = milepost::value::compute(&j, &data, &as_of, cutoff, &Default::default());
    // The customer leaving the most on the table, and one that cannot be compared.
    let top = r
        .customers
        .iter()
        .max_by(|a, b| {
            a.leakage_money
                .unwrap_or(0.0)
                .total_cmp(&b.leakage_money.unwrap_or(0.0))
        })
        .unwrap()
        .customer_id
        .clone();
    let uncompared = r
        .customers
        .iter()
        .find(|c| c.metrics.iter().all(|m| m.percentile.is_none()))
        .map(|c| c.customer_id.clone());
    // A name made to break markup and layout.
    let row = data.customers.iter().position(|c| c.id == top).unwrap();
    data.customers[row].name = Some("#let x = 1 $ *bold* @ref <b> שלום مرحبا 🚀 Ltd".into());
    for (id, paper) in [(Some(top), Paper::A4), (uncompared, Paper::Letter)] {
        let Some(id) = id else { continue };
        let (pdf, c) = value_review(&data, &id, paper);
        keep(&pdf, &format!("value-review-{id}.pdf"));
        qpdf_check(&pdf);
        let pages = read_pdf(&pdf);
        assert!(
            (1..=2).contains(&pages.len()),
            "{id}: {} pages",
            pages.len()
        );
        if paper == Paper::Letter {
            assert!((pages[0].width - 612.0).abs() < 1.0 && (pages[0].height - 792.0).abs() < 1.0);
        }
        assert_inside(&pages);
        let text = blocks(&pages);
        let all = text.join(" ");
        assert!(all.contains(&id), "{id}: its id");
        assert_named(&text, "Northwind Billing", "company");
        for m in &c.metrics {
            assert_named(&text, &m.name, "value metric");
            if let Some(g) = &m.peer_group {
                assert!(
                    all.contains(&format!("{} customers", g.n)),
                    "{id}: {} peers' n",
                    m.name
                );
                let pct = format!(
                    "Ahead of {} of its peers",
                    milepost::format::whole_percent(m.percentile.unwrap() / 100.0)
                );
                assert!(all.contains(&pct), "{id}: \"{pct}\"");
            } else {
                assert!(
                    all.contains("Not compared"),
                    "{id}: {} says why not",
                    m.name
                );
            }
        }
        match c.leakage_money {
            Some(m) => assert!(
                all.contains(&r.currency.per_year(m)),
                "{id}: the money left on the table, {m}"
            ),
            None => assert!(all.contains("No money value set") || all.contains("Not compared yet")),
        }
        for n in c.next_capabilities.iter().take(4) {
            assert_named(&text, &n.name, "next capability");
        }
        if let Some(name) = &c.name {
            // Markup prints as itself; right-to-left words come in visual order.
            for word in name.split(' ').filter(|w| w.is_ascii()) {
                assert!(all.contains(word), "{id}: \"{word}\" of its name");
            }
        }
    }
}
