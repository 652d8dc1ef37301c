//! A warehouse as the workspace's data source: connect one (PostgreSQL and what speaks its
//! protocol), refresh a journey's results from it with progress and a Cancel, and say
//! when they were taken — or why the last refresh failed, the results before it kept.
//! The password is asked for and held in memory while the app runs: never written to
//! the workspace, a file or a log.

use std::sync::Arc;

use milepost::error::ErrorCode;
use milepost::warehouse::{Connection, RefreshInfo, WarehouseError, WarehouseStatus, Watch};
use tauri::State;
use tauri::ipc::Channel;

use crate::error::{CommandError, CommandResult};
use crate::state::{AppState, Refreshed};
use crate::work::Job;

fn refused(e: WarehouseError) -> CommandError {
    match e {
        WarehouseError::Cancelled => CommandError::new(ErrorCode::Cancelled, e),
        e => CommandError::new(ErrorCode::Warehouse, e),
    }
}

/// The warehouse and, for journey `journey`, its last results.
#[tauri::command]
pub async fn warehouse_status(
    journey: Option<i64>,
    state: State<'_, AppState>,
) -> CommandResult<WarehouseStatus> {
    status(&state, journey).await
}

async fn status(state: &AppState, journey: Option<i64>) -> CommandResult<WarehouseStatus> {
    let connection = state.with_store(|s| s.warehouse()).await?;
    let stored = match journey {
        Some(id) => Some(state.with_store(move |s| s.load_journey(id)).await?),
        None => None,
    };
    let w = state.warehouse.lock().unwrap_or_else(|p| p.into_inner());
    let refreshed = journey
        .and_then(|id| w.results.get(&id))
        .filter(|_| connection.is_some())
        .map(|r| {
            let m = r.data.measures.as_ref();
            RefreshInfo {
                at: milepost::format::timestamp(r.at),
                as_of: m.map_or_else(String::new, |m| milepost::format::date(m.cutoff)),
                customers: r.data.customers.len() as u64,
                stale: match (m, &stored) {
                    (Some(m), Some(j)) => !m.is_for(j),
                    _ => false,
                },
            }
        });
    Ok(WarehouseStatus {
        at: connection.as_ref().and_then(|c| c.describe().ok()),
        password_held: w.password.is_some(),
        failed: journey
            .and_then(|id| w.failed.get(&id).cloned())
            .filter(|_| connection.is_some()),
        connection,
        refreshed,
    })
}

/// Connects a warehouse: checks the tables are there with the contract's columns (a
/// password in the URL is taken out and held like one typed), then keeps the connection
/// in the workspace and the password in memory. Returns how many customers it holds.
#[tauri::command]
pub async fn connect_warehouse(
    connection: Connection,
    password: Option<String>,
    state: State<'_, AppState>,
) -> CommandResult<u64> {
    let (url, in_url) = milepost::warehouse::split_password(&connection.url);
    let password = password.filter(|p| !p.is_empty()).or(in_url);
    let connection = Connection { url, ..connection };
    let c = connection.clone();
    let p = password.clone();
    let customers = crate::work::compute(move || {
        milepost::warehouse::check_postgres(&c.url, &c.source(), p.as_deref())
    })
    .await?
    .map_err(refused)?;
    state
        .with_store(move |s| s.set_warehouse(Some(&connection)))
        .await?;
    let mut w = state.warehouse.lock().unwrap_or_else(|p| p.into_inner());
    w.password = password;
    // Results from another warehouse, or other tables, are not this one's.
    w.results.clear();
    w.failed.clear();
    Ok(customers)
}

/// Goes back to the imported files: forgets the connection, the password and the results.
#[tauri::command]
pub async fn disconnect_warehouse(state: State<'_, AppState>) -> CommandResult<()> {
    state.with_store(|s| s.set_warehouse(None)).await?;
    *state.warehouse.lock().unwrap_or_else(|p| p.into_inner()) = Default::default();
    state.data_changed();
    Ok(())
}

/// Runs journey `journey`'s SQL on the warehouse and keeps its results: what it is doing
/// goes to `on_progress`; `cancel_warehouse_refresh` stops it on the server. A failure
/// is kept to be shown beside the results before it, which stay.
#[tauri::command]
pub async fn refresh_warehouse(
    journey: i64,
    on_progress: Channel<String>,
    state: State<'_, AppState>,
) -> CommandResult<WarehouseStatus> {
    refresh(&state, journey, move |what| {
        let _ = on_progress.send(what.to_owned());
    })
    .await?;
    status(&state, Some(journey)).await
}

/// Results older than this are refreshed by `refresh_due_warehouse`.
const DAILY: i64 = 86_400;

/// Refreshes every journey whose results are a day old (the app asks every few
/// minutes while it runs): the ids refreshed. A failure is kept for the screen, and the
/// older results stay.
#[tauri::command]
pub async fn refresh_due_warehouse(state: State<'_, AppState>) -> CommandResult<Vec<i64>> {
    let due: Vec<i64> = {
        let w = state.warehouse.lock().unwrap_or_else(|p| p.into_inner());
        let now = milepost::now();
        w.results
            .iter()
            .filter(|(id, r)| now - r.at >= DAILY && !w.failed.contains_key(id))
            .map(|(id, _)| *id)
            .collect()
    };
    let mut done = Vec::new();
    for id in due {
        if refresh(&state, id, |_| {}).await.is_ok() {
            done.push(id);
        }
    }
    Ok(done)
}

async fn refresh(
    state: &AppState,
    journey: i64,
    progress: impl Fn(&str) + Send + Sync + 'static,
) -> CommandResult<()> {
    let Some(connection) = state.with_store(|s| s.warehouse()).await? else {
        return Err(CommandError::new(
            ErrorCode::InvalidOption,
            "no warehouse is connected: connect one on the Data screen first",
        ));
    };
    let j = state.with_store(move |s| s.load_journey(journey)).await?;
    let password = state
        .warehouse
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .password
        .clone();
    let outcome = state
        .jobs
        .run_with(Job::Warehouse, move |cancel| {
            milepost::warehouse::assess_postgres_watched(
                &connection.url,
                &j,
                &connection.source(),
                None,
                Watch {
                    password: password.as_deref(),
                    cancel: Some(cancel),
                    progress: Some(&progress),
                },
            )
        })
        .await?;
    let mut w = state.warehouse.lock().unwrap_or_else(|p| p.into_inner());
    match outcome {
        Ok(assessed) => {
            w.failed.remove(&journey);
            w.results.insert(
                journey,
                Refreshed {
                    at: milepost::now(),
                    data: Arc::new(assessed.data),
                },
            );
            Ok(())
        }
        Err(WarehouseError::Cancelled) => Err(refused(WarehouseError::Cancelled)),
        Err(e) => {
            w.failed.insert(journey, e.to_string());
            Err(refused(e))
        }
    }
}

/// Stops the running refresh: the server cancels its query, the results before it stay.
#[tauri::command]
pub fn cancel_warehouse_refresh(state: State<'_, AppState>) {
    state.jobs.cancel(Job::Warehouse);
}
