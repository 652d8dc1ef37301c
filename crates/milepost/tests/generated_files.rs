//! The TypeScript bindings in `ui/src/bindings/` and the JSON Schema in `docs/` are
//! generated from the Rust types and committed. This test fails when they are stale;
//! `MILEPOST_BLESS=1 cargo test -p milepost --test generated_files` (or `make bindings`)
//! rewrites them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use milepost::data::{DataPreview, Field, ImportOptions, ImportOutcome, Progress};
use milepost::engine::{Analysis, CustomerState, Funnel, LiveNumbers, TaskItem, WeekLoad};
use milepost::error::ErrorReport;
use milepost::journey::templates::Template;
use milepost::journey::{Journey, Problem, file};
use milepost::matrix::priority::Ranking;
use milepost::matrix::screen::MatrixScreen;
use milepost::store::{
    CustomerDetail, CustomerRow, DataSummary, JourneySummary, Rescore, SaveOutcome, StoredJourney,
};
use ts_rs::TS;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The shell's command names (`commands.ts`) are generated and checked by the desktop
/// crate, which has the commands; every other binding is this crate's.
const FROM_THE_SHELL: &str = "commands.ts";

fn read_dir(dir: &Path) -> BTreeMap<String, String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return BTreeMap::new();
    };
    entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ts"))
        .filter(|p| p.file_name().is_some_and(|n| n != FROM_THE_SHELL))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect()
}

fn bless() -> bool {
    std::env::var_os("MILEPOST_BLESS").is_some_and(|v| v == "1")
}

#[test]
fn typescript_bindings_are_current() {
    let fresh = tempfile::tempdir().unwrap();
    let cfg = ts_rs::Config::new().with_out_dir(fresh.path());
    Journey::export_all(&cfg).unwrap();
    JourneySummary::export_all(&cfg).unwrap();
    StoredJourney::export_all(&cfg).unwrap();
    SaveOutcome::export_all(&cfg).unwrap();
    Template::export_all(&cfg).unwrap();
    Problem::export_all(&cfg).unwrap();
    ErrorReport::export_all(&cfg).unwrap();
    ImportOptions::export_all(&cfg).unwrap();
    ImportOutcome::export_all(&cfg).unwrap();
    Progress::export_all(&cfg).unwrap();
    Field::export_all(&cfg).unwrap();
    DataSummary::export_all(&cfg).unwrap();
    DataPreview::export_all(&cfg).unwrap();
    CustomerRow::export_all(&cfg).unwrap();
    CustomerDetail::export_all(&cfg).unwrap();
    Funnel::export_all(&cfg).unwrap();
    milepost::warehouse::Connection::export_all(&cfg).unwrap();
    milepost::warehouse::WarehouseStatus::export_all(&cfg).unwrap();
    CustomerState::export_all(&cfg).unwrap();
    Analysis::export_all(&cfg).unwrap();
    LiveNumbers::export_all(&cfg).unwrap();
    TaskItem::export_all(&cfg).unwrap();
    WeekLoad::export_all(&cfg).unwrap();
    MatrixScreen::export_all(&cfg).unwrap();
    Ranking::export_all(&cfg).unwrap();
    Rescore::export_all(&cfg).unwrap();
    milepost::report::Options::export_all(&cfg).unwrap();
    milepost::report::MapOptions::export_all(&cfg).unwrap();
    milepost::report::ImageFormat::export_all(&cfg).unwrap();
    milepost::report::ExportProgress::export_all(&cfg).unwrap();
    milepost::report::Preview::export_all(&cfg).unwrap();
    milepost::store::Version::export_all(&cfg).unwrap();
    milepost::journey::diff::Diff::export_all(&cfg).unwrap();
    milepost::journey::voting::VoteAction::export_all(&cfg).unwrap();
    milepost::journey::voting::RoomInfo::export_all(&cfg).unwrap();
    milepost::journey::voting::RoomVote::export_all(&cfg).unwrap();
    milepost::journey::words::JourneyWords::export_all(&cfg).unwrap();
    milepost::demo::DemoProgress::export_all(&cfg).unwrap();
    milepost::store::backup::Backup::export_all(&cfg).unwrap();
    milepost::store::backup::BackupRow::export_all(&cfg).unwrap();
    milepost::store::backup::WorkspaceStatus::export_all(&cfg).unwrap();
    milepost::store::Salvage::export_all(&cfg).unwrap();
    milepost::value::ValueReport::export_all(&cfg).unwrap();
    milepost::report::value_review::ReviewOptions::export_all(&cfg).unwrap();
    milepost::report::value_review::Review::export_all(&cfg).unwrap();
    // Values as well as types: the words for the journey's fixed lists.
    std::fs::write(
        fresh.path().join("vocabulary.ts"),
        milepost::journey::vocabulary::typescript(),
    )
    .unwrap();
    let generated = read_dir(fresh.path());
    let committed_dir = repo_root().join("ui/src/bindings");
    if bless() {
        std::fs::create_dir_all(&committed_dir).unwrap();
        for old in read_dir(&committed_dir).keys() {
            std::fs::remove_file(committed_dir.join(old)).unwrap();
        }
        for (name, text) in &generated {
            std::fs::write(committed_dir.join(name), text).unwrap();
        }
    }
    let committed = read_dir(&committed_dir);
    assert!(
        committed == generated,
        "ui/src/bindings is stale: run `make bindings` and commit the result"
    );
}

#[test]
fn published_json_schemas_are_current() {
    let schemas = [
        ("docs/journey.schema.json", file::json_schema()),
        (
            "docs/benchmarks.schema.json",
            milepost::value::benchmarks::json_schema(),
        ),
    ];
    for (name, schema) in schemas {
        let path = repo_root().join(name);
        let generated = serde_json::to_string_pretty(&schema).unwrap() + "\n";
        if bless() {
            std::fs::write(&path, &generated).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == generated,
            "{name} is stale: run `make bindings` and commit the result"
        );
    }
}
