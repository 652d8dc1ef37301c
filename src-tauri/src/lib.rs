//! The Milepost desktop shell: a Tauri window over the `milepost` core. Commands are thin:
//! they unpack arguments, run the core off the main thread, and turn errors into
//! `{ code, message }` for the UI.

mod commands;
mod error;
mod rendering;
mod room;
mod state;
mod work;

use std::path::PathBuf;

use state::AppState;

/// Every command the UI may call, listed once: the handler Tauri dispatches to, and the
/// names the UI's wrappers are typed against (`ui/src/bindings/commands.ts`, generated and
/// checked for staleness), so a renamed or removed command fails the UI's build.
macro_rules! commands {
    ($($($segment:ident)::+),* $(,)?) => {
        /// The names of the commands, as the UI invokes them.
        pub const COMMAND_NAMES: &[&str] = &[$(last_segment(stringify!($($segment)::+))),*];
        macro_rules! handler {
            () => {
                tauri::generate_handler![$($($segment)::+),*]
            };
        }
    };
}

/// `commands::value::journey_value` → `journey_value`.
const fn last_segment(path: &'static str) -> &'static str {
    let bytes = path.as_bytes();
    let mut i = bytes.len();
    while i > 0 && bytes[i - 1] != b':' && bytes[i - 1] != b' ' {
        i -= 1;
    }
    let (_, name) = bytes.split_at(i);
    match std::str::from_utf8(name) {
        Ok(name) => name,
        Err(_) => path,
    }
}

commands![
    commands::journey::list_journeys,
    commands::journey::open_journey,
    commands::journey::create_journey_from_template,
    commands::journey::create_blank_journey,
    commands::journey::import_journey,
    commands::journey::take_opened_file,
    commands::journey::delete_journey,
    commands::journey::save_journey,
    commands::journey::reload_journey,
    commands::journey::journey_revision,
    commands::journey::parse_criterion,
    commands::journey::print_criterion,
    commands::journey::journey_words,
    commands::journey::list_templates,
    commands::workspace::workspace_path,
    commands::workspace::about,
    commands::workspace::painted,
    commands::workspace::workspace_currency,
    commands::workspace::set_workspace_currency,
    commands::backup::workspace_status,
    commands::backup::list_backups,
    commands::backup::create_backup,
    commands::backup::restore_backup,
    commands::backup::salvage_workspace,
    commands::backup::backup_keep,
    commands::backup::set_backup_keep,
    commands::backup::show_in_folder,
    commands::data::preview_data_file,
    commands::data::import_data,
    commands::data::cancel_import,
    commands::data::data_summary,
    commands::data::list_customers,
    commands::data::customer_detail,
    commands::data::customer_state,
    commands::data::load_demo_data,
    commands::data::journey_funnel,
    commands::data::journey_analysis,
    commands::data::journey_tasks,
    commands::data::export_tasks_csv,
    commands::data::tasks_dry_run,
    commands::data::customer_health,
    commands::warehouse::warehouse_status,
    commands::warehouse::connect_warehouse,
    commands::warehouse::disconnect_warehouse,
    commands::warehouse::refresh_warehouse,
    commands::warehouse::refresh_due_warehouse,
    commands::warehouse::cancel_warehouse_refresh,
    commands::matrix::matrix_screen,
    commands::matrix::rescore,
    commands::matrix::priority_ranking,
    commands::matrix::export_priority_csv,
    commands::matrix::builtin_matrices,
    commands::report::playbook_preview,
    commands::report::preset_save_path,
    commands::report::export_playbook,
    commands::report::cancel_export,
    commands::report::map_preview,
    commands::report::template_preview,
    commands::report::export_map,
    commands::report::export_journey_file,
    commands::report::export_customers_csv,
    commands::report::export_workshop_summary,
    commands::versions::snapshot_journey,
    commands::versions::journey_versions,
    commands::versions::journey_version,
    commands::versions::diff_versions,
    commands::versions::version_map,
    commands::room::room_start,
    commands::room::room_sync,
    commands::room::room_stop,
    commands::value::journey_value,
    commands::value::value_review,
    commands::value::export_value_review,
    commands::value::export_value_csv,
];

/// The generated `ui/src/bindings/commands.ts`: the commands' names as a TypeScript type.
pub fn commands_typescript() -> String {
    let mut names: Vec<&str> = COMMAND_NAMES.to_vec();
    names.sort_unstable();
    let union = names
        .iter()
        .map(|n| format!("  | \"{n}\"\n"))
        .collect::<String>();
    format!(
        "// Generated from the commands listed in src-tauri/src/lib.rs by `make bindings`; do not edit.\n\
         /** The name of a command the app's shell answers. */\n\
         export type CommandName =\n{union};\n"
    )
}

/// `--NAME PATH` (or `--NAME=PATH`) on the command line.
fn path_arg(name: &str) -> Option<PathBuf> {
    let mut args = std::env::args().skip(1);
    let flag = format!("--{name}");
    let mut found = None;
    while let Some(arg) = args.next() {
        if arg == flag {
            found = args.next().map(PathBuf::from);
        } else if let Some(path) = arg.strip_prefix(&format!("{flag}=")) {
            found = Some(PathBuf::from(path));
        }
    }
    found
}

/// The file the app was started to open (a journey file double-clicked in the file
/// manager: `milepost-app PATH`), the first argument that is not an option.
fn file_arg() -> Option<PathBuf> {
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--db" || arg == "--save-to" {
            args.next();
        } else if !arg.starts_with('-') {
            return Some(PathBuf::from(arg));
        }
    }
    None
}

/// `--db PATH`; the core decides the rest exactly as the `milepost` CLI does.
fn db_path() -> PathBuf {
    milepost::store::resolve_path(path_arg("db"))
}

/// Starts the desktop app.
pub fn run() {
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(
            AppState::new(db_path())
                .saving_to(path_arg("save-to"))
                .opening(file_arg()),
        )
        .setup(|app| {
            rendering::configure(app);
            commands::backup::keep_daily_backups(app.handle().clone());
            Ok(())
        })
        .invoke_handler(handler!())
        .build(tauri::generate_context!())
        .expect("the Milepost window could not be started")
        .run(|app, event| {
            // Quitting closes room voting: the phones' server goes with the app.
            if let tauri::RunEvent::Exit = event {
                use tauri::Manager;
                commands::room::stop(&app.state::<AppState>());
            }
        });
}

#[cfg(test)]
mod tests {
    /// The UI's command names are generated from the list above: stale bindings fail here,
    /// and a command the UI names but the shell lacks fails the UI's type check.
    #[test]
    fn the_command_names_binding_is_current() {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/bindings/commands.ts");
        let fresh = super::commands_typescript();
        if std::env::var_os("MILEPOST_BLESS").is_some_and(|v| v == "1") {
            std::fs::write(&path, &fresh).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == fresh,
            "ui/src/bindings/commands.ts is stale: run `make bindings` and commit the result"
        );
    }

    #[test]
    fn every_command_is_named_once() {
        let mut names = super::COMMAND_NAMES.to_vec();
        assert!(names.iter().all(|n| !n.is_empty() && !n.contains(':')));
        names.sort_unstable();
        let before = names.len();
        names.dedup();
        assert_eq!(names.len(), before);
    }
}
